import { AmendmentReason, ContractStatus, EvaluationStatus } from '../entities/enums';
import type { DemoContract } from './demo-types';

/**
 * Returns a link to an evidence document. The host sits under the reserved `.example` top-level
 * domain (RFC 2606), so a demo link can never point at a real document.
 */
function evidenceUrl(opdCode: string, fileName: string): string {
  return `https://dokumen.lelang-kinerja.example/2019/${opdCode.toLowerCase()}/${fileName}`;
}

// Signed contracts. The realisations give a spread of scores: DINKES, DISDIK and KEC-BLIMBING
// reach the reward minimum, DPUPR and DPMPTSP land just below it, and DISPERIN and KEC-KLOJEN
// fall below the punishment threshold.

const DISDIK_CONTRACT: DemoContract = {
  opdCode: 'DISDIK',
  stage: ContractStatus.SIGNED,
  offeredBy: 'mayor',
  bidBy: 'staff',
  verifiedUpToQuarter: 3,
  evaluation: EvaluationStatus.DRAFT,
  clauses: [
    {
      indicator: 'DISDIK-APM-SMP',
      weight: '40',
      quarterlyTargets: ['79', '79.3', '79.7', '80'],
      budget: '2750000000',
      bid: {
        committed: { value: '80.5' },
        quarterlyTargets: ['79.2', '79.6', '80.1', '80.5'],
        justification:
          'Penerimaan peserta didik baru sistem zonasi dan pendataan anak tidak sekolah bersama ' +
          'kelurahan menaikkan APM pada tahun ajaran baru.',
      },
      report: {
        evidenceSource: 'Dapodik, tarikan data akhir triwulan',
        realizations: [
          { quarter: 1, value: '79.1' },
          { quarter: 2, value: '79.4' },
          {
            quarter: 3,
            value: '80.6',
            documentUrl: evidenceUrl('DISDIK', 'tw3-apm-smp.pdf'),
            note: 'Naik setelah penerimaan peserta didik baru tahun ajaran 2019/2020.',
            returned: {
              value: '86.2',
              documentUrl: evidenceUrl('DISDIK', 'tw3-apm-smp.pdf'),
              reviewNote:
                'Angka 86,2 menghitung semua siswa SMP/MTs tanpa batas usia, yaitu APK. ' +
                'Laporkan APM: hanya siswa berusia 13-15 tahun.',
            },
          },
          { quarter: 4, value: '80.9' },
        ],
      },
    },
    {
      indicator: 'DISDIK-PUTUS-SEKOLAH',
      weight: '30',
      quarterlyTargets: null,
      budget: null,
      bid: {
        committed: { value: '0.28' },
        justification:
          'Pendampingan siswa rawan putus sekolah oleh guru BK dan bantuan seragam bagi siswa ' +
          'dari keluarga miskin.',
      },
      report: {
        evidenceSource: 'Dapodik, rekap mutasi siswa per semester',
        realizations: [
          {
            quarter: 2,
            value: '0.29',
            note: 'Data putus sekolah direkap per semester, sehingga TW I dan TW III tidak diisi.',
          },
          {
            quarter: 4,
            value: '0.27',
            documentUrl: evidenceUrl('DISDIK', 'smt1-putus-sekolah.pdf'),
          },
        ],
      },
    },
    {
      indicator: 'DISDIK-AKREDITASI',
      weight: '30',
      quarterlyTargets: null,
      budget: null,
      bid: {
        committed: { value: '84' },
        justification: 'Pendampingan 40 sekolah yang dijadwalkan visitasi akreditasi tahun 2019.',
      },
      report: {
        evidenceSource: 'Data hasil akreditasi BAN-S/M',
        realizations: [
          { quarter: 2, value: '83' },
          {
            quarter: 4,
            value: '83.5',
            documentUrl: evidenceUrl('DISDIK', 'sk-akreditasi-2019.pdf'),
          },
        ],
      },
    },
  ],
};

const DINKES_CONTRACT: DemoContract = {
  opdCode: 'DINKES',
  stage: ContractStatus.SIGNED,
  offeredBy: 'admin',
  bidBy: 'head',
  verifiedUpToQuarter: 4,
  evaluation: EvaluationStatus.FINAL,
  decision: {
    decision: 'PROMOTION',
    note: 'Sesuai rekomendasi: ketiga indikator kinerja utama tercapai.',
  },
  clauses: [
    {
      indicator: 'DINKES-STUNTING',
      weight: '35',
      quarterlyTargets: ['13.4', '13.3', '13.1', '13'],
      budget: '1850000000',
      bid: {
        committed: { value: '13' },
        justification:
          'Pemberian makanan tambahan, kelas ibu balita di setiap posyandu dan pemantauan ' +
          'pertumbuhan bulanan di kelurahan dengan prevalensi tertinggi.',
      },
      report: {
        evidenceSource: 'e-PPGBM, hasil bulan penimbangan balita',
        realizations: [
          { quarter: 1, value: '13.9' },
          { quarter: 2, value: '12.6', documentUrl: evidenceUrl('DINKES', 'bpb-februari.pdf') },
          { quarter: 3, value: '11.2', documentUrl: evidenceUrl('DINKES', 'bpb-agustus.pdf') },
          {
            quarter: 4,
            value: '10.4',
            note: 'Jauh di bawah target; capaian dibatasi pada batas atas kebijakan penilaian.',
          },
        ],
      },
    },
    {
      indicator: 'DINKES-KEMATIAN-IBU',
      weight: '35',
      quarterlyTargets: ['3', '2', '2', '2'],
      budget: null,
      bid: {
        committed: { value: '9' },
        justification:
          'Pendampingan ibu hamil risiko tinggi oleh bidan kelurahan dan rujukan terencana ke ' +
          'rumah sakit PONEK.',
      },
      report: {
        evidenceSource: 'Laporan Audit Maternal Perinatal',
        realizations: [
          { quarter: 1, value: '2' },
          { quarter: 2, value: '3', note: 'Dua kasus perdarahan pascapersalinan.' },
          { quarter: 3, value: '1' },
          {
            quarter: 4,
            value: '2',
            documentUrl: evidenceUrl('DINKES', 'amp-2019.pdf'),
            returned: {
              value: '2',
              reviewNote:
                'Data dukung belum dilampirkan. Unggah laporan Audit Maternal Perinatal TW IV.',
            },
          },
        ],
      },
    },
    {
      indicator: 'DINKES-JKN-PBI',
      weight: '30',
      quarterlyTargets: null,
      budget: '9600000000',
      bid: {
        committed: { value: '92.5' },
        justification: 'Pendaftaran kolektif warga DTKS yang belum terdaftar melalui kelurahan.',
      },
      report: {
        evidenceSource: 'Data kepesertaan BPJS Kesehatan',
        realizations: [
          { quarter: 1, value: '89' },
          { quarter: 2, value: '90.4' },
          { quarter: 3, value: '91.8' },
          { quarter: 4, value: '93.1', documentUrl: evidenceUrl('DINKES', 'rekon-bpjs-des.pdf') },
        ],
      },
    },
  ],
};

const DISDAG_CONTRACT: DemoContract = {
  opdCode: 'DISDAG',
  stage: ContractStatus.SIGNED,
  offeredBy: 'mayor',
  bidBy: 'staff',
  verifiedUpToQuarter: 2,
  evaluation: EvaluationStatus.DRAFT,
  clauses: [
    {
      indicator: 'DISDAG-INFLASI',
      weight: '50',
      quarterlyTargets: null,
      budget: null,
      bid: {
        committed: { lower: '2.75', upper: '4.25' },
        justification:
          'Operasi pasar bersama Bulog dan pemantauan harga harian di pasar induk lewat Tim ' +
          'Pengendalian Inflasi Daerah.',
      },
      report: {
        evidenceSource: 'Berita Resmi Statistik BPS Kota Malang',
        realizations: [
          { quarter: 1, value: '2.2' },
          { quarter: 2, value: '2.6' },
          { quarter: 3, value: '2.9' },
          {
            quarter: 4,
            value: '2.3',
            documentUrl: evidenceUrl('DISDAG', 'brs-inflasi-desember.pdf'),
            note: 'Di bawah rentang target karena harga pangan turun saat panen raya.',
          },
        ],
      },
    },
    {
      indicator: 'DISDAG-PASAR',
      weight: '50',
      quarterlyTargets: ['0', '1', '1', '1'],
      budget: '12500000000',
      bid: {
        committed: { value: '3' },
        justification: 'Revitalisasi tiga pasar rakyat dengan dana alokasi khusus dan APBD.',
      },
      report: {
        evidenceSource: 'Berita acara serah terima pekerjaan revitalisasi pasar',
        realizations: [
          { quarter: 1, value: '0' },
          { quarter: 2, value: '1', documentUrl: evidenceUrl('DISDAG', 'bast-pasar-1.pdf') },
          {
            quarter: 3,
            value: '0',
            note: 'Satu paket pekerjaan putus kontrak dan ditender ulang.',
          },
          { quarter: 4, value: '1', documentUrl: evidenceUrl('DISDAG', 'bast-pasar-2.pdf') },
        ],
      },
    },
  ],
};

const DPMPTSP_CONTRACT: DemoContract = {
  opdCode: 'DPMPTSP',
  stage: ContractStatus.SIGNED,
  offeredBy: 'admin',
  bidBy: 'staff',
  verifiedUpToQuarter: 2,
  evaluation: null,
  clauses: [
    {
      indicator: 'DPMPTSP-INVESTASI',
      weight: '40',
      quarterlyTargets: ['450', '500', '500', '550'],
      budget: null,
      bid: {
        committed: { value: '2000' },
        justification: 'Promosi investasi dan pendampingan pelaporan LKPM bagi pelaku usaha.',
      },
      report: {
        evidenceSource: 'Aplikasi LKPM Online BKPM',
        realizations: [
          { quarter: 1, value: '380' },
          { quarter: 2, value: '430' },
          { quarter: 3, value: '440' },
          { quarter: 4, value: '510', documentUrl: evidenceUrl('DPMPTSP', 'lkpm-tw4.pdf') },
        ],
      },
    },
    {
      indicator: 'DPMPTSP-WAKTU-IZIN',
      weight: '30',
      quarterlyTargets: null,
      budget: null,
      bid: {
        committed: { value: '5' },
        justification: 'Penerapan perizinan daring dan pemangkasan paraf berjenjang.',
      },
      report: {
        evidenceSource: 'Sistem informasi perizinan DPMPTSP',
        realizations: [
          { quarter: 1, value: '6.3' },
          {
            quarter: 3,
            value: '5.5',
            note: 'TW II tidak dilaporkan: data perizinan sedang dipindahkan ke sistem OSS.',
          },
          { quarter: 4, value: '5' },
        ],
      },
    },
    {
      indicator: 'DPMPTSP-IKM',
      weight: '30',
      quarterlyTargets: null,
      budget: null,
      bid: {
        committed: { value: '80' },
        justification: 'Penambahan loket prioritas dan layanan antar-jemput berkas.',
      },
      report: {
        evidenceSource: 'Survei Kepuasan Masyarakat DPMPTSP',
        realizations: [
          { quarter: 1, value: '76' },
          { quarter: 2, value: '76.5' },
          { quarter: 3, value: '77.2' },
          { quarter: 4, value: '77.5', documentUrl: evidenceUrl('DPMPTSP', 'skm-2019.pdf') },
        ],
      },
    },
  ],
};

const DISPERIN_CONTRACT: DemoContract = {
  opdCode: 'DISPERIN',
  stage: ContractStatus.SIGNED,
  offeredBy: 'mayor',
  bidBy: 'head',
  verifiedUpToQuarter: 4,
  evaluation: EvaluationStatus.FINAL,
  // The mayor departs from the MUTATION recommendation, which the decision note explains.
  decision: {
    decision: 'NO_ACTION',
    note:
      'Tidak dimutasi: anggaran fasilitasi sertifikasi TW IV terkena rasionalisasi di luar ' +
      'kendali dinas. Kepala dinas menyusun rencana aksi perbaikan untuk 2020.',
  },
  clauses: [
    {
      indicator: 'DISPERIN-SERTIFIKASI',
      weight: '50',
      quarterlyTargets: ['10', '15', '15', '20'],
      budget: '950000000',
      bid: {
        committed: { value: '60' },
        justification: 'Fasilitasi biaya sertifikasi halal dan pendaftaran merek secara kolektif.',
      },
      report: {
        evidenceSource: 'Register fasilitasi sertifikasi dan HKI',
        realizations: [
          { quarter: 1, value: '8' },
          { quarter: 2, value: '12' },
          { quarter: 3, value: '9' },
          { quarter: 4, value: '6', note: 'Anggaran fasilitasi TW IV terkena rasionalisasi.' },
        ],
      },
    },
    {
      // Left without realisations: the survey was not run, so the clause scores 0.
      indicator: 'DISPERIN-PRODUKSI',
      weight: '25',
      quarterlyTargets: null,
      budget: null,
      bid: {
        committed: { value: '5' },
        justification: 'Pelatihan desain kemasan dan pemasaran daring untuk IKM binaan.',
      },
    },
    {
      indicator: 'DISPERIN-BERHENTI',
      weight: '25',
      quarterlyTargets: null,
      budget: null,
      bid: {
        committed: { value: '8' },
        justification: 'Pendampingan IKM binaan yang omzetnya turun dua triwulan berturut-turut.',
      },
      report: {
        evidenceSource: 'Pemutakhiran data IKM binaan',
        realizations: [
          { quarter: 2, value: '8.2' },
          { quarter: 4, value: '7.5', documentUrl: evidenceUrl('DISPERIN', 'data-ikm-smt2.xlsx') },
        ],
      },
    },
  ],
};

const DISBUDPAR_CONTRACT: DemoContract = {
  opdCode: 'DISBUDPAR',
  stage: ContractStatus.SIGNED,
  offeredBy: 'admin',
  bidBy: 'staff',
  verifiedUpToQuarter: 3,
  evaluation: null,
  clauses: [
    {
      indicator: 'DISBUDPAR-WISATAWAN',
      weight: '60',
      quarterlyTargets: ['1100000', '1150000', '1200000', '1300000'],
      budget: '3200000000',
      bid: {
        committed: { value: '4800000' },
        quarterlyTargets: ['1100000', '1150000', '1200000', '1350000'],
        justification: 'Kalender event tahunan dan promosi paket wisata kampung tematik.',
      },
      report: {
        evidenceSource: 'Rekap kunjungan pengelola daya tarik wisata dan PHRI',
        realizations: [
          { quarter: 1, value: '1050000' },
          { quarter: 2, value: '1120000' },
          { quarter: 3, value: '1180000' },
          { quarter: 4, value: '1290000', documentUrl: evidenceUrl('DISBUDPAR', 'rekap-2019.pdf') },
        ],
      },
    },
    {
      indicator: 'DISBUDPAR-KEGIATAN',
      weight: '40',
      quarterlyTargets: null,
      budget: null,
      bid: {
        committed: { value: '24' },
        justification: 'Dua kegiatan lintas komunitas per bulan di ruang publik.',
      },
      report: {
        evidenceSource: 'Laporan kegiatan dan daftar hadir',
        realizations: [
          { quarter: 1, value: '3' },
          { quarter: 2, value: '4' },
          { quarter: 3, value: '6' },
          { quarter: 4, value: '5' },
        ],
      },
    },
  ],
};

const DPUPR_CONTRACT: DemoContract = {
  opdCode: 'DPUPR',
  stage: ContractStatus.SIGNED,
  offeredBy: 'mayor',
  bidBy: 'head',
  verifiedUpToQuarter: 3,
  // The demo has one head account per OPD, which represents the office rather than the person,
  // so the same account signs both versions.
  amendment: {
    afterQuarter: 2,
    amendedBy: 'admin',
    reason: AmendmentReason.OFFICIAL_CHANGED,
    note:
      'Ir. Joko Prasetyo, M.T. dilantik sebagai Kepala DPUPR pada 1 Juli 2019 menggantikan ' +
      'pelaksana tugas yang menandatangani versi 1. Target tidak berubah.',
    stage: ContractStatus.SIGNED,
    bidBy: 'head',
  },
  evaluation: null,
  clauses: [
    {
      indicator: 'DPUPR-JALAN',
      weight: '40',
      quarterlyTargets: ['2', '6', '8', '9'],
      budget: '48000000000',
      bid: {
        committed: { value: '25' },
        justification:
          'Paket peningkatan jalan ditender pada triwulan I agar selesai sebelum musim hujan.',
      },
      report: {
        evidenceSource: 'Berita acara serah terima pekerjaan jalan',
        realizations: [
          { quarter: 1, value: '1.5' },
          { quarter: 2, value: '5.2' },
          { quarter: 3, value: '7.9', documentUrl: evidenceUrl('DPUPR', 'bast-jalan-tw3.pdf') },
          { quarter: 4, value: '8.8' },
        ],
      },
    },
    {
      indicator: 'DPUPR-DRAINASE',
      weight: '30',
      quarterlyTargets: null,
      budget: '15000000000',
      bid: {
        committed: { value: '68' },
        justification: 'Normalisasi saluran primer dan sekunder di kawasan rawan genangan.',
      },
      report: {
        evidenceSource: 'Inventarisasi kondisi drainase',
        realizations: [
          { quarter: 2, value: '66' },
          {
            quarter: 4,
            value: '66.5',
            note: 'Inventarisasi kondisi drainase dilakukan per semester.',
          },
        ],
      },
    },
    {
      indicator: 'DPUPR-GENANGAN',
      weight: '30',
      quarterlyTargets: null,
      budget: null,
      bid: {
        committed: { value: '24' },
        justification:
          'Pembangunan sumur resapan dan pembersihan gorong-gorong sebelum musim hujan.',
      },
      report: {
        evidenceSource: 'Pemantauan genangan DPUPR dan BPBD',
        realizations: [
          { quarter: 1, value: '31' },
          { quarter: 2, value: '29' },
          { quarter: 3, value: '28' },
          { quarter: 4, value: '29', note: 'Curah hujan Desember di atas rata-rata.' },
        ],
      },
    },
  ],
};

const DISPERKIM_CONTRACT: DemoContract = {
  opdCode: 'DISPERKIM',
  stage: ContractStatus.SIGNED,
  offeredBy: 'admin',
  bidBy: 'staff',
  // Version 2 is still OFFERED at the end of the year, so version 1 stays in force and takes
  // the TW IV reports.
  amendment: {
    afterQuarter: 3,
    amendedBy: 'admin',
    reason: AmendmentReason.STRATEGY_CHANGED,
    note:
      'Perubahan APBD 2019 memangkas bantuan stimulan rumah tidak layak huni dari Rp4,5 miliar ' +
      'menjadi Rp3 miliar, sehingga target perbaikan turun dari 300 menjadi 200 rumah.',
    revisedOffer: [
      { indicator: 'DISPERKIM-KUMUH', weight: '40', quarterlyTargets: null, budget: null },
      {
        indicator: 'DISPERKIM-RTLH',
        weight: '35',
        offeredTarget: { value: '200' },
        quarterlyTargets: ['0', '60', '70', '70'],
        budget: '3000000000',
      },
      { indicator: 'DISPERKIM-RTH', weight: '25', quarterlyTargets: null, budget: null },
    ],
    stage: ContractStatus.OFFERED,
    bidBy: null,
  },
  evaluation: null,
  clauses: [
    {
      indicator: 'DISPERKIM-KUMUH',
      weight: '40',
      quarterlyTargets: null,
      budget: null,
      bid: {
        committed: { value: '580' },
        justification: 'Program kota tanpa kumuh di kawasan bantaran sungai Brantas dan Amprong.',
      },
      report: {
        evidenceSource: 'Verifikasi kawasan kumuh',
        realizations: [
          { quarter: 2, value: '602' },
          {
            quarter: 4,
            value: '596',
            documentUrl: evidenceUrl('DISPERKIM', 'verifikasi-kumuh.pdf'),
          },
        ],
      },
    },
    {
      indicator: 'DISPERKIM-RTLH',
      weight: '35',
      quarterlyTargets: ['0', '60', '120', '120'],
      budget: '4500000000',
      bid: {
        committed: { value: '300' },
        justification: 'Bantuan stimulan Rp15 juta per rumah bagi 300 keluarga dalam DTKS.',
      },
      report: {
        evidenceSource: 'Berita acara penyelesaian bantuan stimulan',
        realizations: [
          { quarter: 1, value: '0' },
          { quarter: 2, value: '20' },
          { quarter: 3, value: '40' },
          {
            quarter: 4,
            value: '30',
            note: 'Pencairan bantuan terlambat karena perubahan Dokumen Pelaksanaan Anggaran.',
          },
        ],
      },
    },
    {
      indicator: 'DISPERKIM-RTH',
      weight: '25',
      quarterlyTargets: null,
      budget: null,
      bid: {
        committed: { value: '17.2' },
        justification: 'Pengembangan dua taman kota baru dan jalur hijau di jalan arteri.',
      },
      report: {
        evidenceSource: 'Inventarisasi taman dan jalur hijau',
        realizations: [{ quarter: 4, value: '16.9' }],
      },
    },
  ],
};

const BLIMBING_CONTRACT: DemoContract = {
  opdCode: 'KEC-BLIMBING',
  stage: ContractStatus.SIGNED,
  offeredBy: 'mayor',
  bidBy: 'staff',
  verifiedUpToQuarter: 4,
  evaluation: null,
  clauses: [
    {
      indicator: 'KEC-BLIMBING-IKM',
      weight: '40',
      quarterlyTargets: null,
      budget: null,
      bid: {
        committed: { value: '82' },
        justification: 'Layanan PATEN tanpa biaya dan standar waktu layanan di papan pengumuman.',
      },
      report: {
        evidenceSource: 'Survei Kepuasan Masyarakat Kecamatan Blimbing',
        realizations: [
          { quarter: 1, value: '81' },
          { quarter: 2, value: '82.2' },
          { quarter: 3, value: '82.9' },
          { quarter: 4, value: '83.5' },
        ],
      },
    },
    {
      indicator: 'KEC-BLIMBING-PEMBERDAYAAN',
      weight: '35',
      quarterlyTargets: ['80', '120', '120', '80'],
      budget: '350000000',
      bid: {
        committed: { value: '400' },
        justification: 'Pelatihan tata boga dan menjahit bersama PKK di setiap kelurahan.',
      },
      report: {
        evidenceSource: 'Daftar hadir pelatihan pemberdayaan',
        realizations: [
          { quarter: 1, value: '60' },
          { quarter: 2, value: '90' },
          { quarter: 3, value: '100' },
          { quarter: 4, value: '70' },
        ],
      },
    },
    {
      indicator: 'KEC-BLIMBING-KONFLIK',
      weight: '25',
      quarterlyTargets: null,
      budget: null,
      bid: {
        committed: { value: '4' },
        justification: 'Forum kerukunan warga bertemu setiap bulan di tingkat kelurahan.',
      },
      report: {
        evidenceSource: 'Laporan FKDM Kecamatan Blimbing',
        realizations: [
          { quarter: 1, value: '1' },
          { quarter: 2, value: '0' },
          { quarter: 3, value: '2' },
          { quarter: 4, value: '1' },
        ],
      },
    },
  ],
};

const KLOJEN_CONTRACT: DemoContract = {
  opdCode: 'KEC-KLOJEN',
  stage: ContractStatus.SIGNED,
  offeredBy: 'admin',
  bidBy: 'head',
  verifiedUpToQuarter: 1,
  evaluation: null,
  clauses: [
    {
      indicator: 'KEC-KLOJEN-IKM',
      weight: '40',
      quarterlyTargets: null,
      budget: null,
      bid: {
        committed: { value: '84' },
        justification: 'Antrean daring dan layanan akhir pekan untuk warga yang bekerja.',
      },
      report: {
        evidenceSource: 'Survei Kepuasan Masyarakat Kecamatan Klojen',
        realizations: [
          { quarter: 1, value: '78' },
          { quarter: 2, value: '79' },
          { quarter: 3, value: '80' },
          { quarter: 4, value: '81' },
        ],
      },
    },
    {
      indicator: 'KEC-KLOJEN-PEMBERDAYAAN',
      weight: '30',
      quarterlyTargets: null,
      budget: '200000000',
      bid: {
        committed: { value: '300' },
        justification: 'Pelatihan usaha rumahan bagi lansia dan perempuan kepala keluarga.',
      },
      report: {
        evidenceSource: 'Daftar hadir pelatihan pemberdayaan',
        realizations: [
          { quarter: 1, value: '20' },
          { quarter: 2, value: '45' },
          { quarter: 3, value: '60' },
          { quarter: 4, value: '25' },
        ],
      },
    },
    {
      indicator: 'KEC-KLOJEN-KONFLIK',
      weight: '30',
      quarterlyTargets: null,
      budget: null,
      bid: {
        committed: { value: '3' },
        justification: 'Mediasi sengketa warga oleh kelurahan sebelum dilaporkan ke kecamatan.',
      },
      report: {
        evidenceSource: 'Laporan FKDM Kecamatan Klojen',
        realizations: [
          { quarter: 1, value: '2' },
          { quarter: 2, value: '1' },
          { quarter: 3, value: '2' },
          { quarter: 4, value: '1', note: 'Sengketa parkir dan sengketa batas lahan.' },
        ],
      },
    },
  ],
};

// Contracts that stop before SIGNED, so that the list of unsigned OPDs shows each stage.
// KEC-LOWOKWARU has no contract at all.

const KEDUNGKANDANG_CONTRACT: DemoContract = {
  opdCode: 'KEC-KEDUNGKANDANG',
  stage: ContractStatus.SIGNING,
  offeredBy: 'mayor',
  bidBy: 'head',
  evaluation: null,
  clauses: [
    {
      indicator: 'KEC-KEDUNGKANDANG-IKM',
      weight: '50',
      quarterlyTargets: null,
      budget: null,
      bid: {
        committed: { value: '79.5' },
        justification: 'Penambahan petugas loket PATEN pada jam sibuk.',
      },
    },
    {
      indicator: 'KEC-KEDUNGKANDANG-PEMBERDAYAAN',
      weight: '30',
      quarterlyTargets: null,
      budget: '300000000',
      bid: {
        committed: { value: '450' },
        justification:
          'Pelatihan keterampilan bagi penyandang disabilitas bersama balai latihan kerja.',
      },
    },
    {
      indicator: 'KEC-KEDUNGKANDANG-KONFLIK',
      weight: '20',
      quarterlyTargets: null,
      budget: null,
      bid: {
        committed: { value: '8' },
        justification: 'Patroli bersama tiga pilar di kelurahan rawan konflik.',
      },
    },
  ],
};

const SUKUN_CONTRACT: DemoContract = {
  opdCode: 'KEC-SUKUN',
  stage: ContractStatus.BID,
  offeredBy: 'admin',
  bidBy: 'staff',
  evaluation: null,
  clauses: [
    {
      indicator: 'KEC-SUKUN-IKM',
      weight: '60',
      quarterlyTargets: null,
      budget: null,
      bid: {
        committed: { value: '80' },
        justification: 'Standar pelayanan PATEN diumumkan dan dievaluasi setiap triwulan.',
      },
    },
    {
      indicator: 'KEC-SUKUN-PEMBERDAYAAN',
      weight: '40',
      quarterlyTargets: ['100', '110', '110', '110'],
      budget: '280000000',
      bid: {
        committed: { value: '440' },
        quarterlyTargets: ['100', '110', '110', '120'],
        justification: 'Pelatihan usaha mikro bagi perempuan kepala keluarga di sebelas kelurahan.',
      },
    },
  ],
};

const DISHUB_CONTRACT: DemoContract = {
  opdCode: 'DISHUB',
  stage: ContractStatus.OFFERED,
  offeredBy: 'admin',
  bidBy: null,
  evaluation: null,
  clauses: [
    {
      indicator: 'DISHUB-KECEPATAN',
      weight: '55',
      quarterlyTargets: null,
      budget: '6000000000',
    },
    {
      indicator: 'DISHUB-KECELAKAAN',
      weight: '45',
      quarterlyTargets: ['150', '150', '150', '150'],
      budget: null,
    },
  ],
};

/** The 2019 contracts of the demo, in the order they are offered. */
export const DEMO_CONTRACTS: DemoContract[] = [
  DISDIK_CONTRACT,
  DINKES_CONTRACT,
  DISDAG_CONTRACT,
  DPMPTSP_CONTRACT,
  DISPERIN_CONTRACT,
  DISBUDPAR_CONTRACT,
  DPUPR_CONTRACT,
  DISPERKIM_CONTRACT,
  BLIMBING_CONTRACT,
  KLOJEN_CONTRACT,
  KEDUNGKANDANG_CONTRACT,
  SUKUN_CONTRACT,
  DISHUB_CONTRACT,
];
