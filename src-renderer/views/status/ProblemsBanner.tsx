// What the scan could not read. Kept visible but folded: a few unreadable
// attributes are common (permissions), and people should be able to check
// whether one explains a missing detail.
import type { ScanProblem } from '../../../src-shared/model';
import { Notice } from '../../components/Notice';
import './banners.css';

export function ProblemsBanner({ problems }: { readonly problems: readonly ScanProblem[] }) {
  if (problems.length === 0) return null;
  const count = problems.length === 1 ? '1 problem' : `${problems.length.toLocaleString('en')} problems`;
  return (
    <Notice tone="warn" className="banner" title={`${count} while reading this host`}>
      <details className="problems">
        <summary>Show what could not be read</summary>
        <ul className="problem-list">
          {problems.map((problem, index) => (
            <li key={`${problem.path}-${index}`}>
              <code className="problem-code">{problem.code}</code> <code>{problem.path}</code>
              <span className="muted"> {problem.message}</span>
            </li>
          ))}
        </ul>
      </details>
    </Notice>
  );
}
