import type { IntakeStep } from "./questionnaire";
type Ids<S> = S extends { id: infer I; items: readonly (infer It)[] } ? [I, It extends { linkId: infer L } ? L : never] : never;
const z1: number = null as unknown as Ids<IntakeStep>;
export { z1 };
