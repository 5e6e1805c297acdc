import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Schemas } from '../../../api/client';
import { fakeFetch, problem, renderWithApp } from '../../../test/fakeApi';
import { CorrectOrganisationModal, correctionBody } from './CorrectOrganisationModal';

const ID = '11111111-1111-1111-1111-111111111111';
const url = `/api/v1/organisations/${ID}`;
const organisation: Schemas['Organisation'] = {
  id: ID, creditCode: '91110108MA00000000', name: '演示揭榜企业', type: 'Enterprise', typeName: '企业', regionCode: '110108',
  regionName: '北京市海淀区', mainland: true, independentLegalPerson: true, creditStanding: 'Good', commercialisationBase: null,
  isDemo: false, version: 4, verified: false, verifiedBy: null, verifiedAt: null, registeredBy: null,
};

afterEach(() => vi.unstubAllGlobals());

/** The form item (label, field and its messages) a label belongs to. */
function item(dialog: HTMLElement, label: string): HTMLElement {
  return within(dialog).getByText(label, { selector: 'label' }).closest('.ant-form-item') as HTMLElement;
}

describe('correction request', () => {
  it('trims the text and sends an empty 成果转化基地 as null', () => {
    expect(correctionBody({ name: ' 甲 ', type: 'University', regionCode: ' 110108 ', independentLegalPerson: true, commercialisationBase: ' ', reason: ' 核对执照 ' }))
      .toEqual({ name: '甲', type: 'University', regionCode: '110108', independentLegalPerson: true, commercialisationBase: null, reason: '核对执照' });
  });
});

describe('organisation registry: correction dialog', () => {
  it('is prefilled, requires a reason, then sends the correction with If-Match and closes', async () => {
    const calls = fakeFetch((method, path) => (method === 'PUT' && path === url ? { status: 200, body: { ...organisation, name: '演示揭榜企业（更名）', verified: true, version: 5 } } : undefined));
    const onClose = vi.fn();
    renderWithApp(<CorrectOrganisationModal organisation={organisation} onClose={onClose} />);
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('91110108MA00000000');
    expect(within(dialog).getByTestId('correct-name')).toHaveValue('演示揭榜企业');
    expect(within(dialog).getByTestId('correct-region')).toHaveValue('110108');
    expect(item(dialog, '类型')).toHaveTextContent('企业');
    fireEvent.click(within(dialog).getByTestId('correct-confirm'));
    expect(await within(item(dialog, '更正原因')).findByText('请填写更正原因')).toBeInTheDocument();
    expect(calls).toHaveLength(0);
    fireEvent.change(within(dialog).getByTestId('correct-name'), { target: { value: '演示揭榜企业（更名）' } });
    fireEvent.change(within(dialog).getByTestId('correct-reason'), { target: { value: '按营业执照核对更名' } });
    fireEvent.click(within(dialog).getByTestId('correct-confirm'));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(calls[0]).toMatchObject({
      method: 'PUT', path: url, headers: { 'if-match': '"4"' },
      body: { name: '演示揭榜企业（更名）', type: 'Enterprise', regionCode: '110108', independentLegalPerson: true, commercialisationBase: null, reason: '按营业执照核对更名' },
    });
  });

  it('puts the API field errors next to 所在地区 and 更正原因, in the reader language, without codes', async () => {
    fakeFetch((method, path) => (method === 'PUT' && path === url
      ? problem(400, 'validation_failed', '请求未通过校验。 / The request failed validation.', {
        regionCode: ['注册地“310101”不在统一社会信用代码第3至8位所示登记管理机关（110108）的辖区内 / The registered region 310101 is not inside the division'],
        reason: ['更正理由不能为空 / The reason for the correction is required'],
      })
      : undefined));
    const onClose = vi.fn();
    renderWithApp(<CorrectOrganisationModal organisation={organisation} onClose={onClose} />);
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByTestId('correct-region'), { target: { value: '310101' } });
    fireEvent.change(within(dialog).getByTestId('correct-reason'), { target: { value: '迁址' } });
    fireEvent.click(within(dialog).getByTestId('correct-confirm'));
    expect(await within(item(dialog, '所在地区')).findByText(/^注册地“310101”不在.*辖区内$/)).toBeInTheDocument();
    expect(within(item(dialog, '更正原因')).getByText('更正理由不能为空')).toBeInTheDocument();
    const alert = within(dialog).getByRole('alert');
    expect(alert).toHaveTextContent('请求未通过校验');
    expect(alert).not.toHaveTextContent('validation_failed');
    expect(dialog).not.toHaveTextContent('The registered region');
    expect(onClose).not.toHaveBeenCalled();
  });

  it('on a stale version says someone else changed the record and closes so the list reloads', async () => {
    fakeFetch((method, path) => (method === 'PUT' && path === url
      ? problem(412, 'concurrency.version_mismatch', '数据已被他人修改，请刷新后重试。 / The resource was changed by someone else.')
      : undefined));
    const onClose = vi.fn();
    renderWithApp(<CorrectOrganisationModal organisation={organisation} onClose={onClose} />);
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByTestId('correct-reason'), { target: { value: '核对' } });
    fireEvent.click(within(dialog).getByTestId('correct-confirm'));
    expect(await screen.findByText('该主体已被他人修改，列表已刷新，请核对后重试')).toBeInTheDocument();
    await waitFor(() => expect(onClose).toHaveBeenCalled());
  });
});
