import { screen, fireEvent, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PhaseBadge } from './PhaseBadge';
import { renderIn } from '../test/render';

const now = new Date('2026-03-01T04:00:00Z'); // 12:00 in Shanghai

describe('window phase badge', () => {
  it('shows a window that has not opened', () => {
    renderIn(<PhaseBadge phase="NotYetOpen" opensOn="2026-03-10" closesOn="2026-04-10" now={now} />);
    expect(screen.getByText('未开始')).toBeInTheDocument();
  });

  it('counts the whole days left while open', () => {
    // Closes at the end of 2026-03-10 in Shanghai = 2026-03-10T16:00Z: 9 days and 12 hours away.
    renderIn(<PhaseBadge phase="Open" opensOn="2026-02-01" closesOn="2026-03-10" closesAt="2026-03-10T16:00:00Z" now={now} />);
    expect(screen.getByText('申报中 · 剩 9 天')).toBeInTheDocument();
  });

  it('says the window closes today in its last day', () => {
    renderIn(<PhaseBadge phase="Open" opensOn="2026-02-01" closesOn="2026-03-01" closesAt="2026-03-01T16:00:00Z" now={now} />);
    expect(screen.getByText('申报中 · 今日截止')).toBeInTheDocument();
  });

  it('shows a closed window and never counts days for it', () => {
    renderIn(<PhaseBadge phase="Closed" opensOn="2020-12-29" closesOn="2021-02-10" closesAt="2021-02-10T16:00:00Z" now={now} />);
    expect(screen.getByText('已截止')).toBeInTheDocument();
    expect(screen.queryByText(/剩/)).toBeNull();
  });

  it('explains the window in Beijing time on hover, in English too', async () => {
    renderIn(<PhaseBadge phase="Closed" opensOn="2020-12-29" closesOn="2021-02-10" now={now} />, 'en-US');
    fireEvent.mouseEnter(screen.getByText('Closed'));
    await waitFor(() => expect(screen.getByText('Window (Beijing time): 2020-12-29 to 2021-02-10')).toBeInTheDocument());
  });
});
