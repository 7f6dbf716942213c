performance.mark('doppel:popup-start');
import { render } from 'preact';
import '../../ui/theme.css';
import { Popup } from './Popup';

render(<Popup />, document.getElementById('app')!);
