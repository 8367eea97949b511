/** What the log page needs beyond `LogApi` (src/ui/options/api.ts): 除外の提案 (issue #9), implemented in src/supervisor/page-api.ts. */
import type { ExceptionProposal } from '../../audit/proposals.ts';
import type { LogApi, Result } from '../options/api.ts';

export type { ExceptionProposal };

export interface ProposalApi {
  proposals(): Promise<Result<ExceptionProposal[]>>;
  /** 除外に追加: the words become a term exception (in the PIN session). */
  acceptProposal(words: string): Promise<Result>;
  /** 却下 */
  dismissProposal(words: string): Promise<Result>;
}

export type LogPageApi = LogApi & ProposalApi;
