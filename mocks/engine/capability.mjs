// @ts-check
/** The CapabilityStatement of the sandbox FHIR server (what it really supports, no more). */
import { MAX_COUNT, SUPPORTED_INCLUDES } from './search.mjs';

/** Types advertised in the CapabilityStatement (every resource type can be stored and searched). */
export const ADVERTISED_TYPES = [
  'Patient', 'Observation', 'MedicationRequest', 'Medication', 'MedicationAdministration', 'MedicationDispense',
  'MedicationStatement', 'Condition', 'Procedure', 'Encounter', 'ServiceRequest', 'Appointment', 'DiagnosticReport',
  'AllergyIntolerance', 'Immunization', 'Practitioner', 'Organization', 'CarePlan', 'Coverage', 'MeasureReport',
];

/** @param {string} base */
function security(base) {
  return {
    cors: true,
    service: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/restful-security-service', code: 'SMART-on-FHIR' }] }],
    extension: [
      {
        url: 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris',
        extension: [
          { url: 'authorize', valueUri: new URL('/auth/authorize', base).href },
          { url: 'token', valueUri: new URL('/auth/token', base).href },
        ],
      },
    ],
  };
}

/**
 * @param {string} base FHIR base URL
 * @param {(type: string) => Record<string, any>} paramsOf
 */
export function capabilityStatement(base, paramsOf) {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: '2026-01-01',
    kind: 'instance',
    software: { name: 'LMWH Monitor local sandbox EHR', version: '0.2.0' },
    implementation: {
      description: `Local sandbox FHIR server (in-memory, indexed, Medplum search semantics); pages hold at most ${MAX_COUNT} entries whatever _count asks`,
      url: base,
    },
    fhirVersion: '4.0.1',
    format: ['application/fhir+json', 'json'],
    rest: [
      {
        mode: 'server',
        security: security(base),
        resource: ADVERTISED_TYPES.map((type) => ({
          type,
          interaction: [{ code: 'read' }, { code: 'search-type' }],
          searchInclude: SUPPORTED_INCLUDES.has(`${type}:medication`) ? [`${type}:medication`] : undefined,
          searchParam: Object.values(paramsOf(type))
            .filter((p) => p.code !== '_compartment')
            .map((p) => ({ name: p.code, type: p.type })),
        })),
        interaction: [{ code: 'transaction' }, { code: 'batch' }],
        extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/capabilitystatement-max-page-size', valueInteger: MAX_COUNT }],
      },
    ],
  };
}
