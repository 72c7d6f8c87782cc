import { registerEnumType } from 'type-graphql';
import {
  AmendmentReason,
  ContractStatus,
  EvaluationStatus,
  OpdKind,
  RealizationStatus,
  ReviewVerdict,
  Role,
  SignatoryRole,
} from '../entities/enums';
import { RealizationSource, RiskBasis } from '../services/projection.service';
import { ScoreBasis } from '../services/report.service';
import { ProjectionStatus } from '../scoring/projection';
import {
  Accumulation,
  ClauseScoreFlag,
  MinimizeFormula,
  Outcome,
  Polarity,
  Rating,
} from '../scoring/types';

/** Machine-readable reason of a mutation user error. */
export enum UserErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
}

registerEnumType(Role, {
  name: 'Role',
  description: 'Role of a user, which decides what the user may do.',
  valuesConfig: {
    ADMIN: { description: 'Planning agency (Bappeda): plans, missions, OPDs, users, offers.' },
    MAYOR: { description: 'Mayor (Wali Kota): offers, signs as first party, decides outcomes.' },
    OPD_HEAD: { description: 'Head of an OPD: acts for that OPD and signs as second party.' },
    OPD_STAFF: { description: 'OPD staff: tasks, indicators, bids and realisations of the OPD.' },
    EVALUATOR: { description: 'Inspektorat or assessment panel (tim penilai): scores contracts.' },
    ANALYST: { description: 'Reads everything and changes nothing.' },
  },
});

registerEnumType(OpdKind, {
  name: 'OpdKind',
  description: 'Kind of regional agency (perangkat daerah).',
  valuesConfig: {
    DINAS: { description: 'Service agency (dinas).' },
    BADAN: { description: 'Agency (badan).' },
    SEKRETARIAT: { description: 'Secretariat (sekretariat daerah or DPRD).' },
    INSPEKTORAT: { description: 'Internal audit office (inspektorat).' },
    KECAMATAN: { description: 'District of the city (kecamatan).' },
    OTHER: { description: 'Any other agency.' },
  },
});

registerEnumType(ContractStatus, {
  name: 'ContractStatus',
  description: 'Stage of a contract version (kontrak lelang) in its lifecycle.',
  valuesConfig: {
    OFFERED: { description: 'Targets offered (tawaran target); waiting for the bid.' },
    BID: { description: 'The OPD committed its targets (penawaran); may bid again until signed.' },
    SIGNING: { description: 'One party signed; the clauses are frozen.' },
    SIGNED: { description: 'Both parties signed; realisations may be reported.' },
    SUPERSEDED: { description: 'Replaced by a later signed version; read-only.' },
    WITHDRAWN: {
      description:
        'An amendment withdrawn before both parties signed it, now read-only. The version it ' +
        'amends stays in force.',
    },
  },
});

registerEnumType(SignatoryRole, {
  name: 'SignatoryRole',
  description: 'Party that signs a contract.',
  valuesConfig: {
    MAYOR: { description: 'First party (pihak pertama): the mayor.' },
    OPD_HEAD: { description: 'Second party (pihak kedua): the head of the OPD.' },
  },
});

registerEnumType(RealizationStatus, {
  name: 'RealizationStatus',
  description: 'Review state of a realisation (realisasi).',
  valuesConfig: {
    SUBMITTED: { description: 'Reported and counted; waiting for review.' },
    VERIFIED: { description: 'Checked by an evaluator and counted.' },
    RETURNED: {
      description: 'Sent back; no longer counted, and the quarter may be reported again.',
    },
  },
});

registerEnumType(EvaluationStatus, {
  name: 'EvaluationStatus',
  description: 'State of a contract evaluation.',
  valuesConfig: {
    DRAFT: { description: 'Scored; may be scored again.' },
    FINAL: { description: 'Locked together with the contract realisations.' },
  },
});

registerEnumType(AmendmentReason, {
  name: 'AmendmentReason',
  description: 'Legal reason for amending a signed contract (revisi Perjanjian Kinerja).',
  valuesConfig: {
    OFFICIAL_CHANGED: { description: 'The responsible official changed.' },
    STRATEGY_CHANGED: { description: 'The strategy or the budget changed.' },
    PRIORITY_CHANGED: { description: 'The priorities changed.' },
  },
});

registerEnumType(Polarity, {
  name: 'Polarity',
  description: 'Direction in which an indicator improves.',
  valuesConfig: {
    MAXIMIZE: { description: 'Higher is better; one target value.' },
    MINIMIZE: { description: 'Lower is better; one target value.' },
    STABILIZE: { description: 'Stay inside a band; lower and upper bound.' },
  },
});

registerEnumType(Accumulation, {
  name: 'Accumulation',
  description: 'How quarterly realisations combine into the value for a period.',
  valuesConfig: {
    SUM: { description: 'Sum of the quarters (counts and amounts).' },
    LAST: { description: 'Latest quarter with a value (rates and percentages).' },
    AVERAGE: { description: 'Mean of the quarters with a value (averaged indices).' },
  },
});

registerEnumType(MinimizeFormula, {
  name: 'MinimizeFormula',
  description: 'Attainment formula of a MINIMIZE indicator; T is the target, R the realisation.',
  valuesConfig: {
    DIFFERENCE: { description: '(2T - R) / T x 100, the national default.' },
    RATIO: { description: 'T / R x 100; R = 0 scores the cap.' },
  },
});

registerEnumType(Rating, {
  name: 'Rating',
  description: 'Band (predikat) that a score falls in; minimums come from the scoring policy.',
  valuesConfig: {
    SANGAT_TINGGI: { description: 'Very high (default from 91).' },
    TINGGI: { description: 'High (default from 76).' },
    SEDANG: { description: 'Medium (default from 66).' },
    RENDAH: { description: 'Low (default from 51).' },
    SANGAT_RENDAH: { description: 'Very low (default from 0).' },
  },
});

registerEnumType(Outcome, {
  name: 'Outcome',
  description: 'Consequence of a contract score under the scoring policy.',
  valuesConfig: {
    REWARD: { description: 'Score at or above the reward minimum.' },
    PUNISHMENT: { description: 'Score below the punishment threshold.' },
    NONE: { description: 'Neither.' },
  },
});

registerEnumType(ClauseScoreFlag, {
  name: 'ClauseScoreFlag',
  description: 'Condition worth attention on one clause score.',
  valuesConfig: {
    MISSING_REALIZATION: { description: 'No counted realisation: the clause scores 0.' },
    UNVERIFIED_REALIZATION: { description: 'A realisation used is still waiting for review.' },
    CAPPED: { description: 'The raw attainment exceeded the cap and was limited to it.' },
  },
});

registerEnumType(ScoreBasis, {
  name: 'ScoreBasis',
  description: 'Where a ranking score comes from.',
  valuesConfig: {
    FINAL_EVALUATION: { description: 'The stored score of a FINAL evaluation.' },
    LIVE: { description: 'Computed now from the current realisations.' },
  },
});

registerEnumType(UserErrorCode, {
  name: 'UserErrorCode',
  description: 'Reason a mutation was rejected by a business rule.',
  valuesConfig: {
    BAD_USER_INPUT: { description: 'A value breaks a rule; the message states the rule.' },
    NOT_FOUND: { description: 'A referenced object does not exist.' },
    CONFLICT: { description: 'The current state does not allow this change.' },
  },
});

registerEnumType(ReviewVerdict, {
  name: 'ReviewVerdict',
  description: 'Outcome of an evaluator review of a realisation.',
  valuesConfig: {
    VERIFY: { description: 'The value and its evidence hold; it stays counted as VERIFIED.' },
    RETURN: { description: 'Sent back: it stops counting and the quarter may be reported again.' },
  },
});

registerEnumType(ProjectionStatus, {
  name: 'ProjectionStatus',
  description: 'Whether an indicator is on course to meet its end target.',
  valuesConfig: {
    ON_TRACK: { description: 'Attainment of at least 100.' },
    AT_RISK: { description: 'Below 100 but at least the policy at-risk minimum (default 91).' },
    OFF_TRACK: { description: 'Below the at-risk minimum.' },
    INSUFFICIENT_DATA: { description: 'No realised year to project from.' },
  },
});

registerEnumType(RealizationSource, {
  name: 'RealizationSource',
  description: 'Where a realised yearly value comes from.',
  valuesConfig: {
    FINAL_EVALUATION: { description: 'The realisation stored by a FINAL evaluation.' },
    LIVE: { description: 'Accumulated now from the counted quarterly realisations.' },
  },
});

registerEnumType(RiskBasis, {
  name: 'RiskBasis',
  description: 'How an at-risk status was found.',
  valuesConfig: {
    PROJECTION: { description: 'Least-squares projection of yearly values to the end year.' },
    QUARTER_TO_DATE: { description: 'Attainment so far in the year against the target to date.' },
  },
});
