import { render } from 'preact';
import { App } from './app';
import { loadConfig } from './config';
import './styles.css';

const root = document.getElementById('app') as HTMLElement;

loadConfig().then(
  (config) => render(<App config={config} />, root),
  () => {
    // Without its configuration the portal cannot sign anyone in; say so in every language.
    root.innerHTML =
      '<main id="main"><h1>e-Box Enterprise</h1><p lang="fr">L’e-Box est momentanément indisponible.</p><p lang="nl">De e-Box is tijdelijk niet beschikbaar.</p><p lang="de">Die e-Box ist vorübergehend nicht verfügbar.</p><p lang="en">The e-Box is temporarily unavailable.</p></main>';
  },
);
