import { render } from 'preact';
import { Popup } from '../../components/Popup';
import '../../components/theme.css';
import '../../components/entity-card.css';
import '../../components/series-chart.css';
import './popup.css';

const root = document.getElementById('app');
if (root) render(<Popup />, root);
