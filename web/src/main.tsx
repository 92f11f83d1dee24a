import { render } from 'preact';

render(<main><h1>e-Box Enterprise</h1></main>, document.getElementById('app') as HTMLElement);
