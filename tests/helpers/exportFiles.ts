import { spawnSync } from 'node:child_process';
import path from 'node:path';
import jsonld from 'jsonld';
import yauzl from 'yauzl';
import { JSONLD_CONTEXT } from '../../src/export';
import { REPO_ROOT } from './testNeo4j';

/** Readers of the export formats for the tests: RDF triples of JSON-LD, the entries of a zip, xmllint's verdict. */

export interface Triple {
  s: string;
  p: string;
  o: string;
}

interface Term {
  termType: string;
  value: string;
  datatype?: { value: string };
  language?: string;
}

function term(value: Term): string {
  if (value.termType === 'NamedNode') return `<${value.value}>`;
  if (value.termType === 'BlankNode') return value.value.startsWith('_:') ? value.value : `_:${value.value}`;
  if (value.language) return `${JSON.stringify(value.value)}@${value.language}`;
  const datatype = value.datatype?.value ?? 'http://www.w3.org/2001/XMLSchema#string';
  return datatype === 'http://www.w3.org/2001/XMLSchema#string' ? JSON.stringify(value.value) : `${JSON.stringify(value.value)}^^<${datatype}>`;
}

/** The triples of a JSON-LD document, offline: `contextUrl` (if the document names one) resolves to our context. */
export async function toTriples(document: object, contextUrl?: string): Promise<Triple[]> {
  const documentLoader = async (url: string) => {
    if (url === contextUrl) return { contextUrl: undefined, documentUrl: url, document: JSONLD_CONTEXT };
    throw new Error(`offline: no document at ${url}`);
  };
  const quads = (await jsonld.toRDF(document as jsonld.JsonLdDocument, { documentLoader } as never)) as unknown as Array<{ subject: Term; predicate: Term; object: Term }>;
  return quads.map((quad) => ({ s: term(quad.subject), p: term(quad.predicate), o: term(quad.object) }));
}

export const IRI = {
  rdfType: '<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>',
  schema: (name: string) => `<https://schema.org/${name}>`,
  gc: (name: string) => `<https://geocoop.example/vocab#${name}>`,
  rdf: (name: string) => `<http://www.w3.org/1999/02/22-rdf-syntax-ns#${name}>`,
  prov: (name: string) => `<http://www.w3.org/ns/prov#${name}>`,
  entity: (label: string, key: string) => `<https://geocoop.example/id/${label}/${encodeURIComponent(key)}>`,
};

/** Every entry of a zip, as text. */
export function unzipText(buffer: Buffer): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const entries = new Map<string, string>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            entries.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(entries));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/** `xmllint --schema` against the vendored GraphML XSD (tools/graphml), offline. */
export function validateGraphml(file: string): { valid: boolean; output: string } {
  const result = spawnSync('xmllint', ['--noout', '--nonet', '--schema', path.join(REPO_ROOT, 'tools', 'graphml', 'graphml.xsd'), file], { encoding: 'utf8', timeout: 60_000 });
  if (result.error) throw new Error(`xmllint is not installed (apt-get install libxml2-utils): ${result.error.message}`);
  return { valid: result.status === 0, output: `${result.stdout}${result.stderr}` };
}
