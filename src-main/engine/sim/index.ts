// The simulated kernel's public surface: scenarios, machines, scripts and
// materialised trees. Everything else in this folder is its implementation.
export { SimMachine } from './machine';
export type { EntryStat, HostFacts, MachineFacts, MountFact, ParamCmode, PortAddRequest, PortInfo, VdpaDevAddRequest } from './machine';
export type { Errno, ProbeErrno, SimResult } from './errno';
export type { Uevent, UeventAction, UeventListener } from './kernel/uevents';
export type { SimState } from './kernel/state';
export { SIM_STATE_VERSION } from './kernel/state';
export { bootScenario, listScenarios } from './scenarios/load';
export type { ScenarioSummary } from './scenarios/load';
export { ScenarioError } from './scenarios/errors';
export { runScript } from './script/run';
export { materialize } from './materialize/materialize';
export { dataDir } from './data-dir';
