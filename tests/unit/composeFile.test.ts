import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

/**
 * No Docker engine runs here, so the compose file is checked as data: it parses, the `scale` profile has two API
 * replicas and a maintained proxy image whose mounted config routes to both, and the replicas do not seed.
 */
const ROOT = path.resolve(__dirname, '..', '..');

describe('docker-compose.yml', () => {
  const compose = parse(fs.readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
    services: Record<string, { profiles?: string[]; image?: string; build?: string; environment?: Record<string, string>; volumes?: string[] }>;
  };

  it('has a scale profile of two API replicas from our image and an nginx proxy', () => {
    const scale = Object.entries(compose.services).filter(([, service]) => service.profiles?.includes('scale'));
    expect(scale.map(([name]) => name).sort()).toEqual(['api-1', 'api-2', 'proxy']);
    for (const name of ['api-1', 'api-2']) {
      expect(compose.services[name].build).toBe('.');
      expect(compose.services[name].environment).toMatchObject({ NEO4J_URI: 'neo4j://neo4j:7687', SEED_ON_EMPTY: 'false', NODE_ENV: 'production' });
    }
    expect(compose.services.proxy.image).toMatch(/^nginx:\d+\.\d+/);
  });

  it('mounts a proxy config that balances over both replicas and keeps /metrics private', () => {
    const mount = compose.services.proxy.volumes!.find((volume) => volume.includes('nginx'))!;
    const config = fs.readFileSync(path.join(ROOT, mount.split(':')[0]), 'utf8');
    expect(config).toMatch(/server api-1:4000/);
    expect(config).toMatch(/server api-2:4000/);
    expect(config).toMatch(/location = \/metrics \{\s+return 404;/);
  });
});
