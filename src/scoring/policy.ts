import { type Dec, toDec } from './decimal';
import { MinimizeFormula, Rating } from './types';

/** Minimum score, inclusive, from which a rating applies. */
export interface RatingBand {
  rating: Rating;
  minScore: string;
}

/**
 * Scoring rules a city sets for one plan. Scores are percentages with two decimals.
 * Recommendation and decision values are free text so that a city can name its own measures.
 */
export interface ScoringPolicy {
  /** Upper limit of the attainment used in scores; the raw attainment is kept beside it. */
  attainmentCap: string;
  /** Formula for MINIMIZE indicators that do not name their own. */
  minimizeFormula: MinimizeFormula;
  /** Rating bands, one per rating; the lowest must start at 0. */
  ratingBands: RatingBand[];
  /** Score from which the outcome is REWARD, inclusive. */
  rewardMinScore: string;
  /** Score below which the outcome is PUNISHMENT, exclusive. */
  punishmentBelowScore: string;
  /** Recommendation recorded for a REWARD outcome. */
  rewardRecommendation: string;
  /** Recommendation recorded for a PUNISHMENT outcome. */
  punishmentRecommendation: string;
  /** Decisions the mayor may record on a final evaluation. */
  decisionOptions: string[];
  /** Projected attainment from which an indicator is AT_RISK rather than OFF_TRACK. */
  atRiskMinAttainment: string;
}

/** Default bands, as used in Indonesian regional plan evaluation. */
export const DEFAULT_RATING_BANDS: RatingBand[] = [
  { rating: Rating.SANGAT_TINGGI, minScore: '91' },
  { rating: Rating.TINGGI, minScore: '76' },
  { rating: Rating.SEDANG, minScore: '66' },
  { rating: Rating.RENDAH, minScore: '51' },
  { rating: Rating.SANGAT_RENDAH, minScore: '0' },
];

/** Policy applied when a plan is created without one. */
export const DEFAULT_SCORING_POLICY: ScoringPolicy = {
  attainmentCap: '120',
  minimizeFormula: MinimizeFormula.DIFFERENCE,
  ratingBands: DEFAULT_RATING_BANDS,
  rewardMinScore: '91',
  punishmentBelowScore: '66',
  rewardRecommendation: 'PROMOTION',
  punishmentRecommendation: 'MUTATION',
  decisionOptions: ['PROMOTION', 'MUTATION', 'NO_ACTION'],
  atRiskMinAttainment: '91',
};

/** One broken policy rule: the policy field and a sentence that states the rule. */
export interface PolicyViolation {
  field: string;
  message: string;
}

/**
 * Highest attainment cap a policy may set. A contract score never exceeds the cap, and a stored
 * score has at most five integer digits. The default policy caps at 120.
 */
export const MAX_ATTAINMENT_CAP = 1000;

/**
 * Checks a policy for internal consistency and returns every broken rule (empty when valid).
 * The cap lies from 100 to MAX_ATTAINMENT_CAP. Every rating appears once, with strictly
 * descending minimums ending at 0. The reward minimum lies from 0 to the cap, the punishment
 * threshold from 0 to the reward minimum, and the at-risk attainment from 0 to 100. Decision
 * options are listed once each and include both recommendations.
 */
export function validateScoringPolicy(policy: ScoringPolicy): PolicyViolation[] {
  const violations: PolicyViolation[] = [];

  const cap = parseOrReport(policy.attainmentCap, 'attainmentCap', violations);
  if (cap && (cap.lt(100) || cap.gt(MAX_ATTAINMENT_CAP))) {
    violations.push({
      field: 'attainmentCap',
      message:
        `attainmentCap ${policy.attainmentCap} is invalid: it must be from 100 to ` +
        `${MAX_ATTAINMENT_CAP}`,
    });
  }

  violations.push(...validateBands(policy.ratingBands));

  const reward = parseOrReport(policy.rewardMinScore, 'rewardMinScore', violations);
  const punish = parseOrReport(policy.punishmentBelowScore, 'punishmentBelowScore', violations);
  if (reward && punish && punish.gt(reward)) {
    violations.push({
      field: 'punishmentBelowScore',
      message:
        `punishmentBelowScore ${policy.punishmentBelowScore} is invalid: it must not exceed ` +
        `rewardMinScore ${policy.rewardMinScore}`,
    });
  }
  if (reward && cap && (reward.isNegative() || reward.gt(cap))) {
    violations.push({
      field: 'rewardMinScore',
      message:
        `rewardMinScore ${policy.rewardMinScore} is invalid: it must be from 0 to the ` +
        `attainmentCap ${policy.attainmentCap}, because no score exceeds the cap`,
    });
  }
  if (punish && punish.isNegative()) {
    violations.push({
      field: 'punishmentBelowScore',
      message: `punishmentBelowScore ${policy.punishmentBelowScore} is invalid: it must be 0 or more`,
    });
  }
  const atRisk = parseOrReport(policy.atRiskMinAttainment, 'atRiskMinAttainment', violations);
  if (atRisk && (atRisk.isNegative() || atRisk.gt(100))) {
    violations.push({
      field: 'atRiskMinAttainment',
      message:
        `atRiskMinAttainment ${policy.atRiskMinAttainment} is invalid: it must be from 0 to ` +
        '100, because a projection of 100 or more is ON_TRACK',
    });
  }

  violations.push(...validateDecisions(policy));
  return violations;
}

/**
 * Checks the decision options: at least one, each listed once, and both recommendations among
 * them, so that the mayor can always record the recommended decision.
 */
function validateDecisions(policy: ScoringPolicy): PolicyViolation[] {
  const options = policy.decisionOptions;
  if (options.length === 0) {
    return [
      {
        field: 'decisionOptions',
        message: 'decisionOptions is empty: list at least one decision the mayor may record',
      },
    ];
  }
  const violations: PolicyViolation[] = [];
  const repeated = options.filter((option, index) => options.indexOf(option) !== index);
  if (repeated.length > 0) {
    violations.push({
      field: 'decisionOptions',
      message: `decisionOptions lists ${[...new Set(repeated)].join(', ')} more than once`,
    });
  }
  for (const key of ['rewardRecommendation', 'punishmentRecommendation'] as const) {
    if (!options.includes(policy[key])) {
      violations.push({
        field: key,
        message:
          `${key} ${policy[key]} is not one of the decisionOptions ` +
          `(${options.join(', ')}): add it there or choose one of them`,
      });
    }
  }
  return violations;
}

function validateBands(bands: RatingBand[]): PolicyViolation[] {
  const violations: PolicyViolation[] = [];
  const ratings = new Set(bands.map((band) => band.rating));
  if (ratings.size !== bands.length || ratings.size !== Object.keys(Rating).length) {
    violations.push({
      field: 'ratingBands',
      message: `ratingBands must name each rating exactly once (${Object.keys(Rating).join(', ')})`,
    });
  }

  let previous: Dec | null = null;
  for (const [index, band] of bands.entries()) {
    const field = `ratingBands[${index}].minScore`;
    const min = parseOrReport(band.minScore, field, violations);
    if (!min) {
      continue;
    }
    if (previous && !min.lt(previous)) {
      violations.push({
        field,
        message: `${field} ${band.minScore} is invalid: bands must be in strictly descending order`,
      });
    }
    previous = min;
  }

  const last = bands[bands.length - 1];
  if (last && !(previous && previous.isZero())) {
    violations.push({
      field: `ratingBands[${bands.length - 1}].minScore`,
      message: `the lowest rating band must start at 0, but starts at ${last.minScore}`,
    });
  }
  return violations;
}

function parseOrReport(value: string, field: string, violations: PolicyViolation[]): Dec | null {
  try {
    return toDec(value);
  } catch {
    violations.push({ field, message: `${field} "${value}" is not a decimal number` });
    return null;
  }
}
