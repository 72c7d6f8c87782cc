/** Role of a user; decides what the user may do. */
export enum Role {
  /** Planning agency (Bappeda): plans, missions, OPDs, users, offers. */
  ADMIN = 'ADMIN',
  /** Wali Kota: offers, signs as first party, decides outcomes. */
  MAYOR = 'MAYOR',
  /** Head of an OPD: everything OPD_STAFF may, and signs as second party. */
  OPD_HEAD = 'OPD_HEAD',
  /** Staff of an OPD: tasks, indicators, bids and realisations of that OPD. */
  OPD_STAFF = 'OPD_STAFF',
  /** Inspektorat or assessment panel: reviews realisations, scores and finalises. */
  EVALUATOR = 'EVALUATOR',
  /** Reads everything and changes nothing. */
  ANALYST = 'ANALYST',
}

/** Roles that belong to one OPD and act only for it. */
export const OPD_ROLES: readonly Role[] = [Role.OPD_HEAD, Role.OPD_STAFF];

/** Kind of regional agency (perangkat daerah). */
export enum OpdKind {
  DINAS = 'DINAS',
  BADAN = 'BADAN',
  SEKRETARIAT = 'SEKRETARIAT',
  INSPEKTORAT = 'INSPEKTORAT',
  KECAMATAN = 'KECAMATAN',
  OTHER = 'OTHER',
}

/** Stage of a contract version in its lifecycle. */
export enum ContractStatus {
  /** Targets and weights offered to the OPD; waiting for its bid. */
  OFFERED = 'OFFERED',
  /** The OPD committed a target for every clause; it may bid again until the first signature. */
  BID = 'BID',
  /** One party signed; the clauses are frozen. */
  SIGNING = 'SIGNING',
  /** Both parties signed; realisations may be reported. */
  SIGNED = 'SIGNED',
  /** Replaced by a later signed version; kept for reading only. */
  SUPERSEDED = 'SUPERSEDED',
  /**
   * An amendment withdrawn before both parties signed it, kept for reading only. The version it
   * amends stays in force.
   */
  WITHDRAWN = 'WITHDRAWN',
}

/** Terminal statuses: a version in one of them never changes again and is not in force. */
export const TERMINAL_CONTRACT_STATUSES: readonly ContractStatus[] = [
  ContractStatus.SUPERSEDED,
  ContractStatus.WITHDRAWN,
];

/** Party that signs a contract. */
export enum SignatoryRole {
  /** Pihak pertama. */
  MAYOR = 'MAYOR',
  /** Pihak kedua. */
  OPD_HEAD = 'OPD_HEAD',
}

/** Review state of a reported realisation. */
export enum RealizationStatus {
  SUBMITTED = 'SUBMITTED',
  VERIFIED = 'VERIFIED',
  /** Sent back to the OPD; no longer counted, and the quarter may be reported again. */
  RETURNED = 'RETURNED',
}

/** Outcome of an evaluator's review of a realisation. */
export enum ReviewVerdict {
  /** The value and its evidence hold; it stays counted. */
  VERIFY = 'VERIFY',
  /** Sent back to the OPD; it stops counting and the quarter may be reported again. */
  RETURN = 'RETURN',
}

/** State of a contract's evaluation. */
export enum EvaluationStatus {
  /** Scored and may be scored again. */
  DRAFT = 'DRAFT',
  /** Locked together with the contract's realisations. */
  FINAL = 'FINAL',
}

/** Legal reasons for amending a signed contract. */
export enum AmendmentReason {
  OFFICIAL_CHANGED = 'OFFICIAL_CHANGED',
  STRATEGY_CHANGED = 'STRATEGY_CHANGED',
  PRIORITY_CHANGED = 'PRIORITY_CHANGED',
}
