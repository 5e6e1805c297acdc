import { screen, fireEvent, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Money } from './Money';
import { renderIn } from '../test/render';

describe('money in 万元', () => {
  it('renders 万元 and reveals the exact amount in fen on hover', async () => {
    renderIn(<Money fen={123_456_789} />);
    const shown = screen.getByText('123.46 万元');
    expect(shown).toHaveAttribute('data-fen', '123456789');
    fireEvent.mouseEnter(shown);
    await waitFor(() => expect(screen.getByText('¥1,234,567.89（123,456,789 分）')).toBeInTheDocument());
  });

  it('speaks English when asked', () => {
    renderIn(<Money fen={2_000_000} />, 'en-US');
    expect(screen.getByText('2 ×10k CNY')).toBeInTheDocument();
  });

  it('shows a dash when there is no amount', () => {
    renderIn(<Money fen={null} />);
    expect(screen.getByText('—')).toBeInTheDocument();
  });
});
