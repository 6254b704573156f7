import type { GraphiQLPlugin } from '@graphiql/react';
import { useGraphiQL } from '@graphiql/react';
import { useEffect, useMemo, useState } from 'react';
import { downloadFile, toCsv } from '../shared/csv';
import { resultTables } from './resultTables';

/** The most rows the pane draws; the CSV download has them all. */
const ROWS_SHOWN = 500;

/** The response editor's text, kept current as results (and tabs) change. */
function useResponseText(): string {
  const responseEditor = useGraphiQL((state) => state.responseEditor);
  const [text, setText] = useState('');
  useEffect(() => {
    if (!responseEditor) return undefined;
    const read = () => setText(responseEditor.getValue());
    read();
    const subscriptions = [responseEditor.onDidChangeModelContent(read), responseEditor.onDidChangeModel(read)];
    return () => subscriptions.forEach((subscription) => subscription.dispose());
  }, [responseEditor]);
  return text;
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function ResultTablePane() {
  const text = useResponseText();
  const tables = useMemo(() => resultTables(parse(text)), [text]);
  const [chosen, setChosen] = useState(0);
  const table = tables[Math.min(chosen, tables.length - 1)];
  return (
    <section className="geocoop-result-table" aria-labelledby="geocoop-result-table-title">
      <div className="graphiql-doc-explorer-title" id="geocoop-result-table-title">
        Result table
      </div>
      {!table ? (
        <p className="geocoop-muted">{text.trim() ? 'This result holds no list.' : 'Run a query: the lists of its result show here as tables.'}</p>
      ) : (
        <>
          <div className="geocoop-table-actions">
            {tables.length > 1 ? (
              <label>
                List{' '}
                <select id="geocoop-result-list" value={tables.indexOf(table)} onChange={(event) => setChosen(Number(event.target.value))}>
                  {tables.map((candidate, index) => (
                    <option key={candidate.path} value={index}>
                      {candidate.path} ({candidate.rows.length})
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
            <button
              type="button"
              className="graphiql-button"
              data-download="result-csv"
              onClick={() => downloadFile(`${table.path.replace(/[^A-Za-z0-9]+/g, '-') || 'result'}.csv`, toCsv(table), 'text/csv')}
            >
              Download CSV
            </button>
          </div>
          <div className="geocoop-table-scroll" tabIndex={0} role="region" aria-label={`Table of ${table.path}`}>
            <table id="geocoop-result-table">
              <caption>
                {table.path} ({table.rows.length} row{table.rows.length === 1 ? '' : 's'}
                {table.rows.length > ROWS_SHOWN ? `, the first ${ROWS_SHOWN} shown` : ''})
              </caption>
              <thead>
                <tr>
                  {table.columns.map((column) => (
                    <th key={column} scope="col">
                      {column}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.slice(0, ROWS_SHOWN).map((row, index) => (
                  <tr key={index}>
                    {row.map((value, column) => (
                      <td key={column}>{value}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

function TableIcon(props: { 'aria-hidden'?: boolean | 'true' | 'false' }) {
  return (
    <svg viewBox="0 0 24 24" width="1em" height="1em" fill="none" stroke="currentColor" strokeWidth="1.5" {...props}>
      <rect x="3" y="4" width="18" height="16" rx="1.5" />
      <path d="M3 9h18M3 14.5h18M9 4v16M15 4v16" />
    </svg>
  );
}

/** GraphiQL plugin: the lists of the current result as a table, with a CSV download. */
export const resultTablePlugin: GraphiQLPlugin = {
  title: 'Result table',
  icon: TableIcon,
  content: ResultTablePane,
};
