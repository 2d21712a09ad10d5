// Synthetic lead-like objects (~700 B, a fixed shape so store figures compare across runs) and call
// records for the store benchmarks; names come from the sample generator's lists.
import type { CallRecord } from '../src/shared/domain/call-record';
import { newRecordId } from '../src/core/store/ids';
import { FIRST_NAMES, LAST_NAMES } from '../src/core/leads/sample/data';

const CITIES = ['Lyon', 'Marseille', 'Toulouse', 'Nantes', 'Bordeaux', 'Lille', 'Rennes', 'Reims', 'Dijon', 'Angers'];
const VEHICLES: [string, string][] = [
  ['Renault', 'Clio V'],
  ['Peugeot', '208'],
  ['Citroën', 'C3'],
  ['Dacia', 'Sandero'],
  ['Peugeot', '3008'],
  ['Renault', 'Captur'],
  ['Toyota', 'Yaris'],
  ['Volkswagen', 'Golf'],
];
const STATUSES = ['nouveau', 'à rappeler', 'rdv essai', 'devis envoyé', 'gagné', 'perdu'];

/** Deterministic PRNG so every run builds the same data. */
export function rng(seed = 42): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, a: readonly T[]): T => a[Math.floor(r() * a.length)]!;
const digits = (r: () => number, n: number) => Array.from({ length: n }, () => Math.floor(r() * 10)).join('');

export interface BenchLead {
  id: string;
  firstName: string;
  lastName: string;
  phones: string[];
  email: string;
  address: { street: string; postalCode: string; city: string };
  vehicle: { make: string; model: string; year: number; vin: string; mileageKm: number; priceEur: number };
  status: string;
  source: string;
  tags: string[];
  notes: string;
  createdAt: string;
  updatedAt: string;
}

/** ~700 bytes of JSON each. */
export function makeLead(i: number, r: () => number): BenchLead {
  const firstName = pick(r, FIRST_NAMES);
  const lastName = pick(r, LAST_NAMES);
  const [make, model] = pick(r, VEHICLES);
  const created = Date.UTC(2023, 0, 1) + Math.floor(r() * 700 * 86_400_000);
  return {
    id: `lead-${i.toString(36).padStart(6, '0')}`,
    firstName,
    lastName,
    phones: [`+336${digits(r, 8)}`, `+334${digits(r, 8)}`],
    email: `${firstName}.${lastName}${i}@exemple.fr`.toLowerCase(),
    address: {
      street: `${1 + Math.floor(r() * 200)} rue de la République`,
      postalCode: digits(r, 5),
      city: pick(r, CITIES),
    },
    vehicle: {
      make,
      model,
      year: 2015 + Math.floor(r() * 10),
      vin: `VF1${digits(r, 14)}`,
      mileageKm: Math.floor(r() * 150_000),
      priceEur: 8000 + Math.floor(r() * 30_000),
    },
    status: pick(r, STATUSES),
    source: pick(r, ['site web', 'leboncoin', 'salon', 'parrainage', 'passage showroom']),
    tags: ['reprise', 'financement'].filter(() => r() < 0.5),
    notes: `Client intéressé par un ${make} ${model}. Souhaite un essai le week-end, reprise de son véhicule actuel à estimer. Rappeler en fin de journée, ne pas appeler avant 10h.`,
    createdAt: new Date(created).toISOString(),
    updatedAt: new Date(created + 86_400_000).toISOString(),
  };
}

export function makeCallRecord(at: number, leadId: string, r: () => number): CallRecord {
  const answered = r() < 0.6;
  const duration = answered ? 20_000 + Math.floor(r() * 300_000) : 0;
  return {
    id: newRecordId(at),
    v: 1,
    leadId,
    number: `+336${digits(r, 8)}`,
    direction: r() < 0.9 ? 'outbound' : 'inbound',
    startedAt: new Date(at).toISOString(),
    ...(answered ? { answeredAt: new Date(at + 8000).toISOString() } : {}),
    endedAt: new Date(at + 8000 + duration).toISOString(),
    sipStatus: answered ? 200 : 486,
    hangupSide: r() < 0.5 ? 'local' : 'remote',
    disposition: answered ? 'joint' : 'occupé',
  };
}
