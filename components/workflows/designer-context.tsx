"use client";

import { createContext, useContext } from "react";
import type { Selection } from "./selection";

/** Lets custom nodes and edges (rendered by React Flow) talk back to the designer. */
export type DesignerActions = { select: (sel: Selection) => void };

export const DesignerContext = createContext<DesignerActions>({ select: () => {} });

export const useDesigner = () => useContext(DesignerContext);
