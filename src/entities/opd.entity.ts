import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { OpdKind } from './enums';

/** Regional agency (Organisasi Perangkat Daerah), kecamatan included. */
@Entity('opd')
export class Opd {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ length: 40, unique: true })
  code: string;

  @Column({ length: 200 })
  name: string;

  @Column({ type: 'simple-enum', enum: OpdKind })
  kind: OpdKind;

  @Column({ length: 200 })
  headName: string;
}
