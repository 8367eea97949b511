export { sha256Hex, SHA256_HEX_PATTERN } from './hash.ts';
export {
  PBKDF2_ITERATIONS, PIN_MAX_DIGITS, PIN_MIN_DIGITS, PIN_RULE_JA, PIN_SALT_BYTES,
  checkPinRules, hashPin, isPinHash, normalizePin, verifyPin,
  type PinCheck, type PinHash,
} from './pin.ts';
export {
  encryptPrivateKey, generateSupervisorKeyPair, importPrivateKey, importPublicKey, isEncryptedPrivateKey, isPublicKeyJwk, reencryptPrivateKey, unlockPrivateKey,
  type EncryptedPrivateKey, type SupervisorKeyPair, type UnlockResult,
} from './keys.ts';
export {
  APPROVAL_FAILURE_JA, CODE_PREFIX, MAX_EXPIRY_MINUTES, REQUEST_PREFIX,
  approve, createApprovalRequest, parseApprovalRequest, verifyApprovalCode,
  type ApprovalFailure, type ApprovalKind, type ApprovalPayload, type ApprovalRequest, type ApprovalVerification, type ApproveOptions, type RequestParse,
} from './approval.ts';
