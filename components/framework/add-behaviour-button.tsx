"use client";

import { Button } from "@/components/ui/button";
import { BehaviourFormDialog } from "./behaviour-form-dialog";

export function AddBehaviourButton({ slug }: { slug: string }) {
  return <BehaviourFormDialog slug={slug} trigger={<Button>Add behaviour</Button>} />;
}
