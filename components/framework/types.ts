/** A behaviour as the framework page shows it. */
export type BehaviourView = {
  id: string;
  name: string;
  description: string;
  level1: string;
  level3: string;
  level5: string;
  archived: boolean;
};
