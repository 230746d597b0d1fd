import { Flex, Typography } from "antd";
import type { ReactNode } from "react";

interface PageContainerProps {
  title: ReactNode;
  subTitle?: ReactNode;
  extra?: ReactNode;
  children: ReactNode;
}

/** Page title row (title, optional subtitle and actions) followed by the page body. */
export function PageContainer({ title, subTitle, extra, children }: PageContainerProps) {
  return (
    <div className="page-container">
      <Flex justify="space-between" align="center" wrap gap={12} className="page-header">
        <div>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="page-title">
            {title}
          </Typography.Title>
          {subTitle ? <Typography.Text type="secondary">{subTitle}</Typography.Text> : null}
        </div>
        {extra ? <Flex gap={8}>{extra}</Flex> : null}
      </Flex>
      {children}
    </div>
  );
}
