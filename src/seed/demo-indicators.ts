import { Accumulation, MinimizeFormula, Polarity, type TargetValue } from '../scoring/types';
import type { DemoTask } from './demo-types';

/** Single-value targets for 2019 to 2023. */
function yearValues(...values: string[]): TargetValue[] {
  return values.map((value) => ({ value }));
}

/** Band targets for 2019 to 2023, each as [lower, upper]. */
function yearBands(...bands: [string, string][]): TargetValue[] {
  return bands.map(([lower, upper]) => ({ lower, upper }));
}

const DISDIK_TASKS: DemoTask[] = [
  {
    opdCode: 'DISDIK',
    missionNumber: 1,
    description: 'Meningkatkan akses dan pemerataan pendidikan dasar (SD dan SMP) bagi semua warga',
    indicators: [
      {
        key: 'DISDIK-APM-SMP',
        name: 'Angka Partisipasi Murni (APM) SMP/MTs',
        unit: '%',
        definition:
          'Jumlah siswa SMP/MTs berusia 13-15 tahun dibagi jumlah penduduk berusia 13-15 ' +
          'tahun, dikali 100.',
        dataSource: 'Dapodik dan data penduduk Dispendukcapil Kota Malang',
        polarity: Polarity.MAXIMIZE,
        accumulation: Accumulation.LAST,
        minimizeFormula: null,
        baselineValue: '78.5',
        targets: yearValues('80', '81.5', '83', '84.5', '86'),
      },
      {
        key: 'DISDIK-PUTUS-SEKOLAH',
        name: 'Angka putus sekolah SD dan SMP',
        unit: '%',
        definition:
          'Jumlah siswa SD dan SMP yang putus sekolah dalam tahun ajaran dibagi jumlah siswa SD ' +
          'dan SMP, dikali 100.',
        dataSource: 'Dapodik, rekap mutasi siswa per semester',
        polarity: Polarity.MINIMIZE,
        accumulation: Accumulation.LAST,
        minimizeFormula: MinimizeFormula.DIFFERENCE,
        baselineValue: '0.35',
        targets: yearValues('0.3', '0.27', '0.24', '0.21', '0.18'),
      },
    ],
  },
  {
    opdCode: 'DISDIK',
    missionNumber: 1,
    description: 'Meningkatkan mutu layanan satuan pendidikan dasar',
    indicators: [
      {
        key: 'DISDIK-AKREDITASI',
        name: 'Persentase SD dan SMP terakreditasi minimal B',
        unit: '%',
        definition:
          'Jumlah SD dan SMP dengan akreditasi A atau B dibagi jumlah seluruh SD dan SMP, ' +
          'dikali 100.',
        dataSource: 'Data hasil akreditasi BAN-S/M',
        polarity: Polarity.MAXIMIZE,
        accumulation: Accumulation.LAST,
        minimizeFormula: null,
        baselineValue: '82',
        targets: yearValues('84', '86', '88', '90', '92'),
      },
    ],
  },
];

const DINKES_TASKS: DemoTask[] = [
  {
    opdCode: 'DINKES',
    missionNumber: 1,
    description:
      'Menurunkan prevalensi balita stunting dan kematian ibu melalui pelayanan kesehatan dasar',
    indicators: [
      {
        key: 'DINKES-STUNTING',
        name: 'Prevalensi balita stunting',
        unit: '%',
        definition:
          'Jumlah balita dengan tinggi badan menurut umur di bawah -2 SD dibagi jumlah balita ' +
          'yang diukur, dikali 100.',
        dataSource: 'e-PPGBM (elektronik Pencatatan dan Pelaporan Gizi Berbasis Masyarakat)',
        polarity: Polarity.MINIMIZE,
        accumulation: Accumulation.LAST,
        minimizeFormula: MinimizeFormula.RATIO,
        baselineValue: '14.5',
        targets: yearValues('13.5', '12.5', '11.5', '10.5', '9.5'),
      },
      {
        key: 'DINKES-KEMATIAN-IBU',
        name: 'Jumlah kematian ibu',
        unit: 'jiwa',
        definition:
          'Jumlah ibu yang meninggal saat hamil, bersalin atau nifas dalam tahun berjalan. ' +
          'Indikator ini tidak menetapkan rumus MINIMIZE, sehingga kebijakan penilaian rencana ' +
          'yang menentukan.',
        dataSource: 'Laporan Audit Maternal Perinatal (AMP) Dinas Kesehatan',
        polarity: Polarity.MINIMIZE,
        accumulation: Accumulation.SUM,
        minimizeFormula: null,
        baselineValue: '10',
        targets: yearValues('9', '8', '7', '6', '5'),
      },
    ],
  },
  {
    opdCode: 'DINKES',
    missionNumber: 3,
    description: 'Menjamin perlindungan kesehatan bagi warga miskin dan rentan',
    indicators: [
      {
        key: 'DINKES-JKN-PBI',
        name: 'Persentase warga miskin dan rentan yang terdaftar sebagai peserta JKN-PBI',
        unit: '%',
        definition:
          'Jumlah warga dalam Data Terpadu Kesejahteraan Sosial (DTKS) yang terdaftar sebagai ' +
          'peserta JKN Penerima Bantuan Iuran dibagi jumlah warga dalam DTKS, dikali 100.',
        dataSource: 'Data kepesertaan BPJS Kesehatan dan DTKS Dinas Sosial',
        polarity: Polarity.MAXIMIZE,
        accumulation: Accumulation.LAST,
        minimizeFormula: null,
        baselineValue: '88',
        targets: yearValues('92', '95', '97', '98', '99'),
      },
    ],
  },
];

const DISDAG_TASKS: DemoTask[] = [
  {
    opdCode: 'DISDAG',
    missionNumber: 2,
    description: 'Menjaga stabilitas harga bahan pokok dan merevitalisasi pasar rakyat',
    indicators: [
      {
        key: 'DISDAG-INFLASI',
        name: 'Inflasi tahunan (year on year) Kota Malang',
        unit: '%',
        definition:
          'Perubahan Indeks Harga Konsumen terhadap bulan yang sama tahun sebelumnya pada akhir ' +
          'triwulan; nilai tahunan adalah rata-rata keempat triwulan. Targetnya rentang, karena ' +
          'inflasi yang terlalu rendah maupun terlalu tinggi sama-sama merugikan.',
        dataSource: 'Berita Resmi Statistik BPS Kota Malang',
        polarity: Polarity.STABILIZE,
        accumulation: Accumulation.AVERAGE,
        minimizeFormula: null,
        baselineValue: '2.75',
        targets: yearBands(['2.5', '4.5'], ['2.5', '4.5'], ['2', '4'], ['2', '4'], ['2', '4']),
      },
      {
        key: 'DISDAG-PASAR',
        name: 'Jumlah pasar rakyat yang selesai direvitalisasi',
        unit: 'pasar',
        definition:
          'Jumlah pasar rakyat yang selesai direvitalisasi (bangunan, sanitasi dan tata letak) ' +
          'dalam tahun berjalan.',
        dataSource: 'Berita acara serah terima pekerjaan revitalisasi pasar',
        polarity: Polarity.MAXIMIZE,
        accumulation: Accumulation.SUM,
        minimizeFormula: null,
        baselineValue: '2',
        targets: yearValues('3', '3', '4', '4', '4'),
      },
    ],
  },
];

const DPMPTSP_TASKS: DemoTask[] = [
  {
    opdCode: 'DPMPTSP',
    missionNumber: 2,
    description: 'Meningkatkan iklim dan realisasi penanaman modal',
    indicators: [
      {
        key: 'DPMPTSP-INVESTASI',
        name: 'Nilai realisasi investasi PMA dan PMDN',
        unit: 'miliar rupiah',
        definition:
          'Jumlah nilai realisasi penanaman modal asing dan dalam negeri yang dilaporkan dalam ' +
          'Laporan Kegiatan Penanaman Modal (LKPM) selama tahun berjalan.',
        dataSource: 'Aplikasi LKPM Online BKPM',
        polarity: Polarity.MAXIMIZE,
        accumulation: Accumulation.SUM,
        minimizeFormula: null,
        baselineValue: '1850',
        targets: yearValues('2000', '2150', '2300', '2450', '2600'),
      },
    ],
  },
  {
    opdCode: 'DPMPTSP',
    missionNumber: 4,
    description: 'Mempercepat dan mempermudah pelayanan perizinan',
    indicators: [
      {
        key: 'DPMPTSP-WAKTU-IZIN',
        name: 'Rata-rata waktu penerbitan izin usaha',
        unit: 'hari kerja',
        definition:
          'Rata-rata jumlah hari kerja sejak berkas lengkap sampai izin terbit, dihitung per ' +
          'triwulan.',
        dataSource: 'Sistem informasi perizinan DPMPTSP',
        polarity: Polarity.MINIMIZE,
        accumulation: Accumulation.AVERAGE,
        minimizeFormula: MinimizeFormula.DIFFERENCE,
        baselineValue: '7',
        targets: yearValues('5', '4', '3', '3', '2'),
      },
      {
        key: 'DPMPTSP-IKM',
        name: 'Indeks Kepuasan Masyarakat (IKM) layanan perizinan',
        unit: 'indeks (0-100)',
        definition:
          'Nilai Survei Kepuasan Masyarakat atas layanan perizinan per triwulan; nilai tahunan ' +
          'adalah rata-rata triwulan.',
        dataSource: 'Survei Kepuasan Masyarakat DPMPTSP',
        polarity: Polarity.MAXIMIZE,
        accumulation: Accumulation.AVERAGE,
        minimizeFormula: null,
        baselineValue: '78',
        targets: yearValues('80', '82', '84', '85', '86'),
      },
    ],
  },
];

const DISPERIN_TASKS: DemoTask[] = [
  {
    opdCode: 'DISPERIN',
    missionNumber: 2,
    description: 'Mengembangkan industri kecil dan menengah (IKM) berbasis ekonomi kreatif',
    indicators: [
      {
        key: 'DISPERIN-SERTIFIKASI',
        name: 'Jumlah IKM binaan yang memperoleh sertifikat halal, SNI atau merek',
        unit: 'unit usaha',
        definition:
          'Jumlah IKM binaan yang memperoleh sertifikat halal, sertifikat SNI atau pendaftaran ' +
          'merek dalam tahun berjalan.',
        dataSource: 'Register fasilitasi sertifikasi dan HKI Dinas Perindustrian',
        polarity: Polarity.MAXIMIZE,
        accumulation: Accumulation.SUM,
        minimizeFormula: null,
        baselineValue: '45',
        targets: yearValues('60', '75', '90', '105', '120'),
      },
      {
        key: 'DISPERIN-PRODUKSI',
        name: 'Pertumbuhan nilai produksi IKM binaan',
        unit: '%',
        definition:
          'Kenaikan nilai produksi IKM binaan dibanding tahun sebelumnya, dikali 100, menurut ' +
          'survei terakhir dalam tahun berjalan.',
        dataSource: 'Survei nilai produksi IKM binaan',
        polarity: Polarity.MAXIMIZE,
        accumulation: Accumulation.LAST,
        minimizeFormula: null,
        baselineValue: '4.2',
        targets: yearValues('5', '5.5', '6', '6.5', '7'),
      },
      {
        key: 'DISPERIN-BERHENTI',
        name: 'Persentase IKM binaan yang berhenti berproduksi',
        unit: '%',
        definition:
          'Jumlah IKM binaan yang berhenti berproduksi dibagi jumlah IKM binaan, dikali 100.',
        dataSource: 'Pemutakhiran data IKM binaan per semester',
        polarity: Polarity.MINIMIZE,
        accumulation: Accumulation.LAST,
        minimizeFormula: MinimizeFormula.RATIO,
        baselineValue: '9',
        targets: yearValues('8', '7.5', '7', '6.5', '6'),
      },
    ],
  },
];

const DISBUDPAR_TASKS: DemoTask[] = [
  {
    opdCode: 'DISBUDPAR',
    missionNumber: 2,
    description: 'Mengembangkan destinasi pariwisata dan ekonomi kreatif',
    indicators: [
      {
        key: 'DISBUDPAR-WISATAWAN',
        name: 'Jumlah kunjungan wisatawan nusantara dan mancanegara',
        unit: 'kunjungan',
        definition:
          'Jumlah kunjungan wisatawan ke daya tarik wisata dan hotel di Kota Malang dalam tahun ' +
          'berjalan.',
        dataSource: 'Rekap kunjungan dari pengelola daya tarik wisata dan PHRI Kota Malang',
        polarity: Polarity.MAXIMIZE,
        accumulation: Accumulation.SUM,
        minimizeFormula: null,
        baselineValue: '4500000',
        targets: yearValues('4750000', '5000000', '5250000', '5500000', '5750000'),
      },
    ],
  },
  {
    opdCode: 'DISBUDPAR',
    missionNumber: 3,
    description: 'Melestarikan seni budaya dan merawat keberagaman warga',
    indicators: [
      {
        key: 'DISBUDPAR-KEGIATAN',
        name: 'Jumlah kegiatan seni budaya lintas komunitas yang difasilitasi',
        unit: 'kegiatan',
        definition:
          'Jumlah kegiatan seni budaya yang melibatkan lebih dari satu komunitas etnis atau ' +
          'agama dan difasilitasi dinas dalam tahun berjalan.',
        dataSource: 'Laporan kegiatan dan daftar hadir Dinas Kebudayaan dan Pariwisata',
        polarity: Polarity.MAXIMIZE,
        accumulation: Accumulation.SUM,
        minimizeFormula: null,
        baselineValue: '18',
        targets: yearValues('24', '26', '28', '30', '32'),
      },
    ],
  },
];

const DPUPR_TASKS: DemoTask[] = [
  {
    opdCode: 'DPUPR',
    missionNumber: 1,
    description: 'Menyediakan saluran drainase yang berfungsi baik untuk mengurangi genangan',
    indicators: [
      {
        key: 'DPUPR-DRAINASE',
        name: 'Persentase panjang saluran drainase dalam kondisi baik',
        unit: '%',
        definition:
          'Panjang saluran drainase kota dalam kondisi baik dibagi panjang seluruh saluran ' +
          'drainase kota, dikali 100.',
        dataSource: 'Inventarisasi kondisi drainase Bidang Sumber Daya Air DPUPR',
        polarity: Polarity.MAXIMIZE,
        accumulation: Accumulation.LAST,
        minimizeFormula: null,
        baselineValue: '65',
        targets: yearValues('68', '71', '74', '77', '80'),
      },
      {
        key: 'DPUPR-GENANGAN',
        name: 'Jumlah titik genangan saat hujan lebat',
        unit: 'titik',
        definition:
          'Jumlah lokasi dengan genangan lebih dari 30 cm yang surut lebih dari 2 jam, menurut ' +
          'pemantauan terakhir dalam triwulan.',
        dataSource: 'Pemantauan genangan DPUPR dan laporan BPBD Kota Malang',
        polarity: Polarity.MINIMIZE,
        accumulation: Accumulation.LAST,
        minimizeFormula: MinimizeFormula.DIFFERENCE,
        baselineValue: '31',
        targets: yearValues('26', '22', '18', '14', '10'),
      },
    ],
  },
  {
    opdCode: 'DPUPR',
    missionNumber: 2,
    description: 'Meningkatkan kemantapan jalan kota',
    indicators: [
      {
        key: 'DPUPR-JALAN',
        name: 'Panjang jalan kota yang ditingkatkan atau direkonstruksi',
        unit: 'km',
        definition:
          'Panjang ruas jalan kota yang selesai ditingkatkan atau direkonstruksi dalam tahun ' +
          'berjalan.',
        dataSource: 'Berita acara serah terima pekerjaan jalan Bidang Bina Marga DPUPR',
        polarity: Polarity.MAXIMIZE,
        accumulation: Accumulation.SUM,
        minimizeFormula: null,
        baselineValue: '22',
        targets: yearValues('25', '27', '28', '30', '30'),
      },
    ],
  },
];

const DISHUB_TASKS: DemoTask[] = [
  {
    opdCode: 'DISHUB',
    missionNumber: 2,
    description: 'Mengurangi kemacetan di ruas jalan utama',
    indicators: [
      {
        key: 'DISHUB-KECEPATAN',
        name: 'Rata-rata kecepatan kendaraan pada jam sibuk di ruas jalan utama',
        unit: 'km/jam',
        definition:
          'Rata-rata kecepatan tempuh kendaraan pada pukul 06.00-08.00 dan 16.00-18.00 di ruas ' +
          'jalan utama yang dipantau, per triwulan.',
        dataSource: 'Survei kecepatan dan kamera ATCS Dinas Perhubungan',
        polarity: Polarity.MAXIMIZE,
        accumulation: Accumulation.AVERAGE,
        minimizeFormula: null,
        baselineValue: '18.5',
        targets: yearValues('19', '20', '21', '22', '23'),
      },
    ],
  },
  {
    opdCode: 'DISHUB',
    missionNumber: 4,
    description: 'Meningkatkan keselamatan lalu lintas',
    indicators: [
      {
        key: 'DISHUB-KECELAKAAN',
        name: 'Jumlah kecelakaan lalu lintas',
        unit: 'kejadian',
        definition: 'Jumlah kejadian kecelakaan lalu lintas di jalan kota dalam tahun berjalan.',
        dataSource: 'Data kecelakaan lalu lintas Satlantas Polresta Malang Kota',
        polarity: Polarity.MINIMIZE,
        accumulation: Accumulation.SUM,
        minimizeFormula: MinimizeFormula.DIFFERENCE,
        baselineValue: '620',
        targets: yearValues('600', '580', '560', '540', '520'),
      },
    ],
  },
];

const DISPERKIM_TASKS: DemoTask[] = [
  {
    opdCode: 'DISPERKIM',
    missionNumber: 1,
    description: 'Menangani kawasan permukiman kumuh dan rumah tidak layak huni',
    indicators: [
      {
        key: 'DISPERKIM-KUMUH',
        name: 'Luas kawasan permukiman kumuh',
        unit: 'hektar',
        definition:
          'Luas kawasan permukiman kumuh menurut verifikasi terakhir dalam tahun berjalan, ' +
          'mengacu pada Surat Keputusan Wali Kota tentang lokasi permukiman kumuh.',
        dataSource: 'Verifikasi kawasan kumuh Dinas Perumahan dan Permukiman',
        polarity: Polarity.MINIMIZE,
        accumulation: Accumulation.LAST,
        minimizeFormula: MinimizeFormula.DIFFERENCE,
        baselineValue: '608.6',
        targets: yearValues('580', '550', '520', '490', '460'),
      },
      {
        key: 'DISPERKIM-RTLH',
        name: 'Jumlah rumah tidak layak huni yang diperbaiki',
        unit: 'unit rumah',
        definition:
          'Jumlah rumah tidak layak huni yang selesai diperbaiki dengan bantuan stimulan dalam ' +
          'tahun berjalan.',
        dataSource: 'Berita acara penyelesaian bantuan stimulan perumahan swadaya',
        polarity: Polarity.MAXIMIZE,
        accumulation: Accumulation.SUM,
        minimizeFormula: null,
        baselineValue: '250',
        targets: yearValues('300', '320', '340', '360', '380'),
      },
    ],
  },
  {
    opdCode: 'DISPERKIM',
    missionNumber: 2,
    description: 'Menambah ruang terbuka hijau publik',
    indicators: [
      {
        key: 'DISPERKIM-RTH',
        name: 'Persentase luas ruang terbuka hijau publik',
        unit: '%',
        definition: 'Luas ruang terbuka hijau publik dibagi luas wilayah kota, dikali 100.',
        dataSource: 'Inventarisasi taman dan jalur hijau Dinas Perumahan dan Permukiman',
        polarity: Polarity.MAXIMIZE,
        accumulation: Accumulation.LAST,
        minimizeFormula: null,
        baselineValue: '16.8',
        targets: yearValues('17.2', '17.6', '18', '18.5', '19'),
      },
    ],
  },
];

/** Baselines and 2019-2023 targets that differ between the kecamatan. */
interface KecamatanFigures {
  satisfaction: { baseline: string; targets: string[] };
  trained: { baseline: string; targets: string[] };
  conflicts: { baseline: string; targets: string[] };
}

/**
 * Builds the two tasks that every kecamatan carries: PATEN service quality under mission 4, and
 * empowerment and social harmony under mission 3. Indicator keys are the OPD code with a suffix.
 */
function kecamatanTasks(opdCode: string, name: string, figures: KecamatanFigures): DemoTask[] {
  return [
    {
      opdCode,
      missionNumber: 4,
      description: `Meningkatkan kualitas Pelayanan Administrasi Terpadu Kecamatan (PATEN) ${name}`,
      indicators: [
        {
          key: `${opdCode}-IKM`,
          name: `Indeks Kepuasan Masyarakat (IKM) layanan PATEN ${name}`,
          unit: 'indeks (0-100)',
          definition:
            'Nilai Survei Kepuasan Masyarakat atas layanan PATEN per triwulan; nilai tahunan ' +
            'adalah rata-rata triwulan.',
          dataSource: `Survei Kepuasan Masyarakat ${name}`,
          polarity: Polarity.MAXIMIZE,
          accumulation: Accumulation.AVERAGE,
          minimizeFormula: null,
          baselineValue: figures.satisfaction.baseline,
          targets: yearValues(...figures.satisfaction.targets),
        },
      ],
    },
    {
      opdCode,
      missionNumber: 3,
      description: `Memberdayakan warga rentan dan perempuan serta menjaga kerukunan warga ${name}`,
      indicators: [
        {
          key: `${opdCode}-PEMBERDAYAAN`,
          name: 'Jumlah warga rentan dan perempuan yang mengikuti pelatihan pemberdayaan',
          unit: 'orang',
          definition:
            'Jumlah peserta pelatihan keterampilan dan usaha dari kalangan lansia, penyandang ' +
            'disabilitas dan perempuan kepala keluarga dalam tahun berjalan.',
          dataSource: `Daftar hadir pelatihan pemberdayaan ${name}`,
          polarity: Polarity.MAXIMIZE,
          accumulation: Accumulation.SUM,
          minimizeFormula: null,
          baselineValue: figures.trained.baseline,
          targets: yearValues(...figures.trained.targets),
        },
        {
          key: `${opdCode}-KONFLIK`,
          name: 'Jumlah kejadian konflik sosial antarwarga',
          unit: 'kejadian',
          definition:
            'Jumlah konflik sosial antarwarga yang dilaporkan ke kecamatan dalam tahun ' +
            'berjalan. Indikator ini tidak menetapkan rumus MINIMIZE, sehingga kebijakan ' +
            'penilaian rencana yang menentukan.',
          dataSource: `Laporan Forum Kewaspadaan Dini Masyarakat (FKDM) ${name}`,
          polarity: Polarity.MINIMIZE,
          accumulation: Accumulation.SUM,
          minimizeFormula: null,
          baselineValue: figures.conflicts.baseline,
          targets: yearValues(...figures.conflicts.targets),
        },
      ],
    },
  ];
}

const KECAMATAN_TASKS: DemoTask[] = [
  ...kecamatanTasks('KEC-BLIMBING', 'Kecamatan Blimbing', {
    satisfaction: { baseline: '80', targets: ['82', '83', '84', '85', '86'] },
    trained: { baseline: '350', targets: ['400', '420', '440', '460', '480'] },
    conflicts: { baseline: '6', targets: ['5', '4', '4', '3', '3'] },
  }),
  ...kecamatanTasks('KEC-KEDUNGKANDANG', 'Kecamatan Kedungkandang', {
    satisfaction: { baseline: '77', targets: ['79', '81', '82', '83', '85'] },
    trained: { baseline: '420', targets: ['450', '480', '500', '520', '550'] },
    conflicts: { baseline: '9', targets: ['8', '7', '6', '5', '4'] },
  }),
  ...kecamatanTasks('KEC-KLOJEN', 'Kecamatan Klojen', {
    satisfaction: { baseline: '82', targets: ['84', '85', '86', '87', '88'] },
    trained: { baseline: '260', targets: ['300', '310', '320', '330', '340'] },
    conflicts: { baseline: '4', targets: ['3', '3', '2', '2', '2'] },
  }),
  ...kecamatanTasks('KEC-LOWOKWARU', 'Kecamatan Lowokwaru', {
    satisfaction: { baseline: '81', targets: ['83', '84', '85', '86', '87'] },
    trained: { baseline: '380', targets: ['420', '440', '460', '480', '500'] },
    conflicts: { baseline: '7', targets: ['6', '5', '5', '4', '4'] },
  }),
  ...kecamatanTasks('KEC-SUKUN', 'Kecamatan Sukun', {
    satisfaction: { baseline: '78', targets: ['80', '82', '83', '84', '85'] },
    trained: { baseline: '400', targets: ['430', '460', '480', '500', '520'] },
    conflicts: { baseline: '8', targets: ['7', '6', '5', '5', '4'] },
  }),
];

/** Tasks and indicators of every demo OPD, 1-2 tasks and 2-3 indicators per OPD. */
export const DEMO_TASKS: DemoTask[] = [
  ...DISDIK_TASKS,
  ...DINKES_TASKS,
  ...DISDAG_TASKS,
  ...DPMPTSP_TASKS,
  ...DISPERIN_TASKS,
  ...DISBUDPAR_TASKS,
  ...DPUPR_TASKS,
  ...DISHUB_TASKS,
  ...DISPERKIM_TASKS,
  ...KECAMATAN_TASKS,
];
