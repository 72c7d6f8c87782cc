import { OpdKind } from '../entities/enums';
import type { CreatePlanData } from '../services/plan.service';
import type { DemoOpd } from './demo-types';

/** Contract year of the demo data set. */
export const DEMO_YEAR = 2019;

/**
 * Sentence appended to every indicator definition. The baselines, targets and realisations of
 * the demo are invented to exercise the scoring rules, not official figures.
 */
export const ILLUSTRATIVE_VALUES_NOTE =
  'Nilai titik nol, target dan realisasi pada data demo ini bersifat ilustratif, bukan data ' +
  'resmi Pemerintah Kota Malang.';

/** The RPJMD of Kota Malang. A null policy gives the plan the default scoring policy. */
export const DEMO_PLAN: CreatePlanData = {
  code: 'RPJMD-MALANG-2018-2023',
  title: 'RPJMD Kota Malang 2018-2023',
  governmentName: 'Kota Malang',
  startYear: 2018,
  endYear: 2023,
  vision: 'Kota Malang Bermartabat',
  scoringPolicy: null,
};

const PRESS_SOURCE_NOTE =
  'Rumusan misi sebagaimana dimuat di pers lokal; teks yang berlaku adalah dokumen RPJMD Kota ' +
  'Malang 2018-2023.';

/** The plan's four missions, by number. */
export const DEMO_MISSIONS: { number: number; title: string; description: string }[] = [
  {
    number: 1,
    title:
      'Menjamin akses dan kualitas pendidikan, kesehatan dan layanan dasar lainnya bagi semua ' +
      'warga',
    description: `Misi 1. ${PRESS_SOURCE_NOTE}`,
  },
  {
    number: 2,
    title:
      'Mewujudkan kota produktif dan berdaya saing berbasis ekonomi kreatif, keberlanjutan dan ' +
      'keterpaduan',
    description: `Misi 2. ${PRESS_SOURCE_NOTE}`,
  },
  {
    number: 3,
    // "berazaskan" is kept as the press printed it, although the standard spelling is
    // "berasaskan".
    title:
      'Mewujudkan kota yang rukun dan toleran berazaskan keberagaman dan keberpihakan kepada ' +
      'masyarakat rentan dan gender',
    description: `Misi 3. ${PRESS_SOURCE_NOTE}`,
  },
  {
    number: 4,
    title:
      'Memastikan kepuasan masyarakat atas layanan pemerintahan yang tertib hukum, profesional ' +
      'dan akuntabel',
    description: `Misi 4. ${PRESS_SOURCE_NOTE}`,
  },
];

/** The fourteen OPDs of the demo. Head names are invented. */
export const DEMO_OPDS: DemoOpd[] = [
  {
    code: 'DISDIK',
    name: 'Dinas Pendidikan',
    kind: OpdKind.DINAS,
    headName: 'Dra. Sri Wahyuni, M.Pd.',
    missionNumbers: [1],
  },
  {
    code: 'DINKES',
    name: 'Dinas Kesehatan',
    kind: OpdKind.DINAS,
    headName: 'dr. Hendra Kusuma, M.Kes.',
    missionNumbers: [1, 3],
  },
  {
    code: 'DISDAG',
    name: 'Dinas Perdagangan',
    kind: OpdKind.DINAS,
    headName: 'Ir. Bambang Santoso, M.M.',
    missionNumbers: [2],
  },
  {
    code: 'DPMPTSP',
    name: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu',
    kind: OpdKind.DINAS,
    headName: 'Rina Puspitasari, S.H., M.Si.',
    missionNumbers: [2, 4],
  },
  {
    code: 'DISPERIN',
    name: 'Dinas Perindustrian',
    kind: OpdKind.DINAS,
    headName: 'Agus Setiawan, S.E., M.M.',
    missionNumbers: [2],
  },
  {
    code: 'DISBUDPAR',
    name: 'Dinas Kebudayaan dan Pariwisata',
    kind: OpdKind.DINAS,
    headName: 'Dewi Anggraini, S.Sos., M.Si.',
    missionNumbers: [2, 3],
  },
  {
    code: 'DPUPR',
    name: 'Dinas Pekerjaan Umum dan Penataan Ruang',
    kind: OpdKind.DINAS,
    headName: 'Ir. Joko Prasetyo, M.T.',
    missionNumbers: [1, 2],
  },
  {
    code: 'DISHUB',
    name: 'Dinas Perhubungan',
    kind: OpdKind.DINAS,
    headName: 'Heru Wibowo, S.T., M.T.',
    missionNumbers: [2, 4],
  },
  {
    code: 'DISPERKIM',
    name: 'Dinas Perumahan dan Permukiman',
    kind: OpdKind.DINAS,
    headName: 'Ir. Lestari Handayani, M.T.',
    missionNumbers: [1, 2],
  },
  {
    code: 'KEC-BLIMBING',
    name: 'Kecamatan Blimbing',
    kind: OpdKind.KECAMATAN,
    headName: 'Muhammad Rizal, S.STP., M.Si.',
    missionNumbers: [3, 4],
  },
  {
    code: 'KEC-KEDUNGKANDANG',
    name: 'Kecamatan Kedungkandang',
    kind: OpdKind.KECAMATAN,
    headName: 'Siti Nurhayati, S.Sos.',
    missionNumbers: [3, 4],
  },
  {
    code: 'KEC-KLOJEN',
    name: 'Kecamatan Klojen',
    kind: OpdKind.KECAMATAN,
    headName: 'Yudi Hartono, S.IP., M.AP.',
    missionNumbers: [3, 4],
  },
  {
    code: 'KEC-LOWOKWARU',
    name: 'Kecamatan Lowokwaru',
    kind: OpdKind.KECAMATAN,
    headName: 'Fajar Nugroho, S.STP.',
    missionNumbers: [3, 4],
  },
  {
    code: 'KEC-SUKUN',
    name: 'Kecamatan Sukun',
    kind: OpdKind.KECAMATAN,
    headName: 'Endang Susilowati, S.H.',
    missionNumbers: [3, 4],
  },
];
