import { ObjectType } from 'type-graphql';
import { Connection } from '../relay/connection';
import { AuditEventType } from './audit-event.type';
import { ContractType } from './contract.type';
import { IndicatorType } from './indicator.type';
import { OpdType } from './opd.type';

@ObjectType('OpdConnection', { description: 'A page of OPDs.' })
export class OpdConnection extends Connection(OpdType, 'Opd', 'OPD') {}

@ObjectType('ContractConnection', { description: 'A page of contracts.' })
export class ContractConnection extends Connection(ContractType, 'Contract', 'contract') {}

@ObjectType('IndicatorConnection', { description: 'A page of indicators.' })
export class IndicatorConnection extends Connection(IndicatorType, 'Indicator', 'indicator') {}

@ObjectType('AuditEventConnection', { description: 'A page of audit events.' })
export class AuditEventConnection extends Connection(AuditEventType, 'AuditEvent', 'audit event') {}
