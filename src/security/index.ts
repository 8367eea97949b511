export { sha256Hex, SHA256_HEX_PATTERN } from './hash.ts';
export {
  PBKDF2_ITERATIONS, PBKDF2_LEGACY_ITERATIONS, PIN_MAX_DIGITS, PIN_MIN_DIGITS, PIN_RULE_JA, PIN_SALT_BYTES,
  checkPinRules, hashPin, isPinHash, normalizePin, pinNeedsRehash, rehashVerifiedPin, verifyPin,
  type PinCheck, type PinHash,
} from './pin.ts';
export {
  encryptPrivateKey, generateSupervisorKeyPair, importPrivateKey, importPublicKey, isCanonicalSignature, isEncryptedPrivateKey, isPublicKeyJwk,
  privateKeyNeedsUpgrade, reencryptPrivateKey, unlockPrivateKey, upgradePrivateKey,
  type EncryptedPrivateKey, type SupervisorKeyPair, type UnlockResult,
} from './keys.ts';
export {
  APPROVAL_FAILURE_JA, APPROVAL_FORMAT, CODE_PREFIX, MAX_CLOCK_SKEW_MS, MAX_EXPIRY_MINUTES, REQUEST_PREFIX,
  approve, createApprovalRequest, mediaDigest, parseApprovalRequest, verifyApprovalCode,
  type ApprovalExpectation, type ApprovalFailure, type ApprovalKind, type ApprovalPayload, type ApprovalRequest, type ApprovalVerification, type ApproveOptions, type RequestParse,
} from './approval.ts';
export { MAX_REMEMBERED_APPROVAL_MS, isRememberedApprovalLive, rememberedApprovalDeadline } from './approval-lifetime.ts';
