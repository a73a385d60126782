// Run inside a worker by tests/browser/test_worker_network.py: every network channel a worker has,
// aimed at `offsite` (another port on 127.0.0.1). Returns what each attempt said.
async (offsite) => {
    const tried = {};
    const ws = offsite.replace('http:', 'ws:');
    async function attempt(name, run) {
        try { await run(); tried[name] = 'went ahead'; } catch (error) { tried[name] = String(error && error.message || error); }
    }
    await attempt('fetch', () => fetch(offsite + '/fetch'));
    await attempt('fetch through the prototype', () => WorkerGlobalScope.prototype.fetch.call(self, offsite + '/prototype'));
    await attempt('XMLHttpRequest', () => { const xhr = new XMLHttpRequest(); xhr.open('GET', offsite + '/xhr'); xhr.send(); });
    await attempt('WebSocket', () => new WebSocket(ws + '/websocket'));
    await attempt('WebSocketStream', () => new WebSocketStream(ws + '/websocket-stream'));
    await attempt('EventSource', () => new EventSource(offsite + '/event-source'));
    await attempt('importScripts', () => importScripts(offsite + '/import-scripts.js'));
    await attempt('import()', () => import(offsite + '/module.mjs'));
    await attempt('WebTransport', async () => {
        const transport = new WebTransport(offsite.replace('http:', 'https:') + '/transport');
        await Promise.race([transport.ready, new Promise((done) => setTimeout(done, 1500))]);
    });
    await attempt('nested Worker', () => new Worker(offsite + '/worker.js'));
    await attempt('blob: Worker', () => new Worker(URL.createObjectURL(
        new Blob([`fetch('${offsite}/blob-worker'); try { importScripts('${offsite}/blob-import.js'); } catch (e) {}`]))));
    await attempt('SharedWorker', () => new SharedWorker(offsite + '/shared-worker.js'));
    return tried;
}
