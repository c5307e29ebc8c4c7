import { render } from 'preact';

render(<main><h1>Qujat</h1></main>, document.getElementById('app'));
