// Sits on the page's WebSocket to the bridge, for what the simulator cannot
// show by itself: a run held half-way (it finishes in milliseconds), a run
// answered in the engine's place with an outcome the simulator never
// produces (a failed step, a cancelled password prompt), and a run sent for
// a plan id the engine does not know (its real "No such plan" error).
import type { Page, WebSocketRoute } from 'playwright-core';
import type { ClientMessage, ServerMessage } from '../../src-shared/bridge-protocol';
import type { ApplyProgress, Outcome, Plan } from '../../src-shared/plan';

const RUNS = new Set(['applyPlan', 'resolveInterrupted']);
const PLANNERS = new Set(['planGoal', 'planUndo']);

export interface FakeRun {
  readonly progress: readonly ApplyProgress[];
  readonly outcome: Outcome;
  /** Send only this many progress events, and the rest with the outcome on `resume`. */
  readonly holdAfter?: number;
}

type Mode =
  | { readonly kind: 'pass' }
  | { readonly kind: 'pause'; readonly events: number }
  | { readonly kind: 'fake'; readonly make: (plan: Plan) => FakeRun }
  | { readonly kind: 'redirect'; readonly planId: string };

export class BridgeTap {
  private route: WebSocketRoute | null = null;
  private mode: Mode = { kind: 'pass' };
  private readonly methods = new Map<number, string>();
  private readonly plans = new Map<string, Plan>();
  private run: number | null = null;
  private passed = 0;
  private held: string[] = [];

  /** Routes the page's bridge socket through this tap; call before the page loads. */
  async attach(page: Page): Promise<void> {
    await page.routeWebSocket(/\/bridge/, (route) => {
      this.route = route;
      const server = route.connectToServer();
      route.onMessage((text) => this.fromPage(String(text), (t) => server.send(t)));
      server.onMessage((text) => this.fromServer(String(text)));
    });
  }

  /** The next run goes through until `events` progress events reached the page, then waits for `resume`. */
  pauseRun(events: number): void {
    this.mode = { kind: 'pause', events };
  }

  /** Delivers what was held, in order, and lets everything through again. */
  resume(): void {
    const held = this.held;
    this.reset();
    for (const text of held) this.route?.send(text);
  }

  /** The next apply never reaches the engine: the page gets these progress events and this outcome instead. */
  fakeRun(make: (plan: Plan) => FakeRun): void {
    this.mode = { kind: 'fake', make };
  }

  /** The next apply asks the engine for another plan id. */
  redirectRun(planId: string): void {
    this.mode = { kind: 'redirect', planId };
  }

  private reset(): void {
    this.mode = { kind: 'pass' };
    this.run = null;
    this.passed = 0;
    this.held = [];
  }

  private toPage(message: ServerMessage): void {
    this.route?.send(JSON.stringify(message));
  }

  private fromPage(text: string, forward: (text: string) => void): void {
    const message = JSON.parse(text) as ClientMessage;
    this.methods.set(message.id, message.method);
    if (!RUNS.has(message.method)) return forward(text);
    const mode = this.mode;
    if (mode.kind === 'fake' && message.method === 'applyPlan') {
      const plan = this.plans.get(String(message.args[0]));
      if (!plan) throw new Error(`The tap saw no plan ${String(message.args[0])}`);
      const { progress, outcome, holdAfter } = mode.make(plan);
      this.reset();
      const messages: ServerMessage[] = [
        ...progress.map((payload): ServerMessage => ({ type: 'event', event: 'onDidProgress', payload })),
        { type: 'result', id: message.id, result: { ok: true, value: outcome } },
      ];
      const sent = holdAfter ?? messages.length;
      messages.slice(0, sent).forEach((m) => this.toPage(m));
      this.held = messages.slice(sent).map((m) => JSON.stringify(m));
      return;
    }
    if (mode.kind === 'redirect' && message.method === 'applyPlan') {
      this.reset();
      return forward(JSON.stringify({ ...message, args: [mode.planId, ...message.args.slice(1)] }));
    }
    if (mode.kind === 'pause') this.run = message.id;
    forward(text);
  }

  private fromServer(text: string): void {
    const message = JSON.parse(text) as ServerMessage;
    if (message.type === 'result' && message.result.ok && PLANNERS.has(this.methods.get(message.id) ?? '')) {
      const plan = message.result.value as Plan;
      this.plans.set(plan.id, plan);
    }
    if (this.mode.kind === 'pause' && this.run !== null) {
      const progress = message.type === 'event' && message.event === 'onDidProgress';
      const outcome = message.type === 'result' && message.id === this.run;
      if (progress && this.passed < this.mode.events) this.passed += 1;
      else if (progress || outcome || this.held.length > 0) {
        // Anything after the pause waits too, so the page sees events in the order they came.
        this.held.push(text);
        return;
      }
    }
    this.route?.send(text);
  }
}
