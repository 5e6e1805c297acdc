import { Breadcrumb, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

export function PageHeader({ title, extra, crumbs, sub }: { title: ReactNode; extra?: ReactNode; crumbs?: { to: string; label: string }[]; sub?: ReactNode }) {
  return (
    <div style={{ marginBottom: 16 }}>
      {crumbs && <Breadcrumb items={crumbs.map((c) => ({ title: <Link to={c.to}>{c.label}</Link> }))} style={{ marginBottom: 8 }} />}
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="page-title">{title}</Typography.Title>
        <div>{extra}</div>
      </Flex>
      {sub && <div style={{ marginTop: 4 }}>{sub}</div>}
    </div>
  );
}
