import { render } from 'preact';
import { Welcome } from '../../components/Welcome';
import '../../components/theme.css';
import '../options/options.css';

const root = document.getElementById('app');
if (root) render(<Welcome />, root);
