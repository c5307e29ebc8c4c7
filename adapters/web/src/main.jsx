// Boot: the styles and index.html are static; everything else is the App.
import { render } from 'preact';
import { App } from './app.jsx';

render(<App />, document.getElementById('app'));
