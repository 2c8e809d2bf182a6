import {
  type BallotChoicesBody,
  ballotCastMine,
  ballotGetMine,
  ballotSaveMine,
  type VoteCreateBody,
  type VoteRulesBody,
  type VoteSlateBody,
  voteClose,
  voteCreate,
  voteGet,
  voteList,
  voteOpen,
  voteSetRules,
  voteSetSlate,
} from '@laurel/contracts';
import { Handles } from '@laurel/platform';
import { Controller } from '@nestjs/common';
import { BallotService } from './ballot.service';
import { VoteService } from './vote.service';

@Controller()
export class VoteHandler {
  constructor(
    private readonly votes: VoteService,
    private readonly ballots: BallotService,
  ) {}

  @Handles(voteCreate)
  create(request: VoteCreateBody) {
    return this.votes.create(request);
  }
  @Handles(voteGet)
  get(request: { id: string }) {
    return this.votes.get(request.id);
  }
  @Handles(voteList)
  list(request: { cycle?: number }) {
    return this.votes.list(request.cycle);
  }
  @Handles(voteSetRules)
  setRules({ id, ...body }: VoteRulesBody & { id: string }) {
    return this.votes.setRules(id, body);
  }
  @Handles(voteSetSlate)
  setSlate({ id, ...body }: VoteSlateBody & { id: string }) {
    return this.votes.setSlate(id, body);
  }
  @Handles(voteOpen)
  open(request: { id: string }) {
    return this.votes.open(request.id);
  }
  @Handles(voteClose)
  close(request: { id: string }) {
    return this.votes.close(request.id);
  }
  @Handles(ballotGetMine)
  mine(request: { voteId: string }) {
    return this.ballots.mine(request.voteId);
  }
  @Handles(ballotSaveMine)
  save({ voteId, ...body }: BallotChoicesBody & { voteId: string }) {
    return this.ballots.save(voteId, body);
  }
  @Handles(ballotCastMine)
  cast({ voteId, ...body }: BallotChoicesBody & { voteId: string }) {
    return this.ballots.cast(voteId, body);
  }
}
