import 'uplot/dist/uPlot.min.css';
import './style.css';
import { render } from 'preact';
import { isExport } from './api.js';
import { ChartsPage } from './charts-page.js';
import { ComparePage } from './compare-page.js';
import { href, useRoute } from './route.js';
import { RunPage } from './run-page.js';
import { RunsPage } from './runs-page.js';

function App() {
  const route = useRoute();
  return (
    <>
      <header class="top">
        <a class="brand" href={href('runs')}>Gage</a>
        {isExport() && <span class="muted">static export</span>}
      </header>
      {route.page === 'compare' ? <ComparePage route={route} />
        : route.page === 'charts' ? <ChartsPage route={route} />
        : route.page === 'run' ? <RunPage key={route.id} route={route} />
        : <RunsPage route={route} />}
    </>
  );
}

render(<App />, document.getElementById('app') as HTMLElement);
