// "Mine netværk": the caller's networks and a form to start one. Plain script until the React tabs land.
(function () {
  const en = (navigator.language || 'da').toLowerCase().startsWith('en');
  const texts = {
    title: 'My networks', identityHeading: 'Development identity',
    identityHelp: 'No Entra ID is configured. Choose who you are to try the app.', identityLabel: 'I am',
    listHeading: 'Networks you take part in', empty: 'You are not in any network yet.',
    createHeading: 'Start a new network', name: 'Name', type: 'Network type', learning: 'Learning network',
    welfare: 'Welfare network', innovation: 'Innovation network', theme: 'Theme (short heading)',
    startDate: 'Start date', create: 'Create network',
  };
  const roles = {
    leader: ['netværksleder', 'network leader'], coDriver: ['co-driver', 'co-driver'],
    referenceLeader: ['referenceleder', 'reference leader'], participant: ['deltager', 'participant'],
  };
  if (en) {
    document.documentElement.lang = 'en';
    document.querySelectorAll('[data-text]').forEach((el) => { el.textContent = texts[el.dataset.text] || el.textContent; });
  }
  const $ = (id) => document.getElementById(id);
  const devUserKey = 'netvaerk.devUser';
  const formatDate = (iso) => iso.split('-').reverse().join('.');

  async function api(path, options = {}) {
    const headers = { 'Accept-Language': en ? 'en' : 'da', ...(options.body ? { 'Content-Type': 'application/json' } : {}) };
    const devUser = localStorage.getItem(devUserKey);
    if (devUser) headers['X-Dev-User'] = devUser;
    const response = await fetch(path, { ...options, headers });
    const body = response.status === 204 ? undefined : await response.json();
    if (!response.ok) {
      const details = (body.error.details || []).map((d) => d.message).join(' ');
      throw Object.assign(new Error(`${body.error.message} ${details}`.trim()), { code: body.error.code });
    }
    return body;
  }

  function showError(error) { $('error').textContent = error ? error.message : ''; }

  async function setUpIdentity() {
    const picker = $('dev-user');
    try {
      const me = await api('/api/me');
      if (!me.devIdentities) return;
      $('identity').hidden = false;
      picker.replaceChildren(...me.devIdentities.map((p) => new Option(p.name, p.key)));
      picker.value = localStorage.getItem(devUserKey) || 'lene';
    } catch (error) {
      if (error.code !== 'devIdentityRequired') throw error;
      localStorage.setItem(devUserKey, 'lene');
      return setUpIdentity();
    }
    picker.addEventListener('change', () => { localStorage.setItem(devUserKey, picker.value); load(); });
  }

  async function load() {
    showError();
    try {
      const { networks } = await api('/api/networks');
      const list = $('networks');
      list.replaceChildren(...networks.map((n) => {
        const item = document.createElement('li');
        const name = document.createElement('strong');
        name.textContent = n.name;
        const meta = document.createElement('span');
        meta.className = 'meta';
        meta.textContent = ` — ${formatDate(n.startDate)}–${formatDate(n.endDate)} · ${roles[n.role][en ? 1 : 0]}`;
        item.append(name, meta);
        return item;
      }));
      $('empty').hidden = networks.length > 0;
    } catch (error) { showError(error); }
  }

  $('create').addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = new FormData(event.target);
    try {
      await api('/api/networks', { method: 'POST', body: JSON.stringify(Object.fromEntries(form)) });
      event.target.reset();
      await load();
    } catch (error) { showError(error); }
  });

  setUpIdentity().then(load).catch(showError);
})();
