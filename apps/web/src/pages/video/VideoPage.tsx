import { PlusOutlined, VideoCameraOutlined } from "@ant-design/icons";
import { App, Button, Tabs } from "antd";
import { useState } from "react";
import { useSearchParams } from "react-router-dom";
import { api } from "../../api/client";
import type { Page } from "../../api/types";
import { useApi } from "../../api/useApi";
import { errorMessage } from "../../components/ErrorAlert";
import { PageContainer } from "../../components/PageContainer";
import { useTableQuery } from "../../components/useTableQuery";
import { useI18n } from "../../i18n/I18nProvider";
import { CameraFormModal } from "./CameraFormModal";
import { CAMERA_FILTER_KEYS, CameraRegister } from "./CameraRegister";
import { CHECK_FILTER_KEYS, SpotCheckLog } from "./SpotCheckLog";
import { SpotCheckModal } from "./SpotCheckModal";
import type { Camera, SpotCheck } from "./types";

type Tab = "cameras" | "checks";

function CamerasTab({ onCheck, refreshKey }: { onCheck: (c: Camera) => void; refreshKey: number }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const tq = useTableQuery(CAMERA_FILTER_KEYS);
  const list = useApi<Page<Camera>>("/api/v1/cameras", tq.query, refreshKey);
  const [editing, setEditing] = useState<Camera | "new" | null>(null);

  const toggleActive = async (camera: Camera) => {
    try {
      await api<Camera>(`/api/v1/cameras/${encodeURIComponent(camera.id)}`, {
        method: "PATCH",
        body: { active: !camera.active },
      });
      message.success(
        t(camera.active ? "video.camera.deactivated" : "video.camera.activated", { name: camera.name }),
      );
      list.reload();
    } catch (err) {
      message.error(errorMessage(err, t));
    }
  };

  return (
    <>
      <div style={{ display: "flex", justifyContent: "flex-end", marginBottom: 12 }}>
        <Button icon={<PlusOutlined />} onClick={() => setEditing("new")} data-testid="camera-add">
          {t("video.camera.add")}
        </Button>
      </div>
      <CameraRegister
        tq={tq}
        list={list}
        onEdit={setEditing}
        onCheck={onCheck}
        onToggleActive={toggleActive}
      />
      <CameraFormModal
        target={editing}
        defaultEnterpriseId={tq.filters.enterpriseId}
        onClose={() => setEditing(null)}
        onSaved={(camera) => {
          message.success(t("video.camera.saved", { name: camera.name }));
          setEditing(null);
          list.reload();
        }}
      />
    </>
  );
}

function ChecksTab({ refreshKey }: { refreshKey: number }) {
  const tq = useTableQuery(CHECK_FILTER_KEYS);
  const list = useApi<Page<SpotCheck>>("/api/v1/spot-checks", tq.query, refreshKey);
  return <SpotCheckLog tq={tq} list={list} />;
}

/** 视频监管: the camera register and the remote spot-check log (Jingwei stores no video). */
export function VideoPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const tab: Tab = params.get("tab") === "checks" ? "checks" : "cameras";
  const [checking, setChecking] = useState<{ camera: Camera | null } | null>(null);
  // Bumped after a new spot check, so both lists (last check, log) reload.
  const [refreshKey, setRefreshKey] = useState(0);

  return (
    <PageContainer
      title={t("nav.video")}
      subTitle={t("video.subtitle")}
      extra={
        <Button
          type="primary"
          icon={<VideoCameraOutlined />}
          onClick={() => setChecking({ camera: null })}
          data-testid="spot-check-new"
        >
          {t("video.check.new")}
        </Button>
      }
    >
      <Tabs
        activeKey={tab}
        // Each tab keeps its own filters and paging in the URL; switching starts the other tab afresh.
        onChange={(key) => setParams(key === "checks" ? { tab: key } : {})}
        destroyOnHidden
        items={[
          {
            key: "cameras",
            label: t("video.tab.cameras"),
            children: <CamerasTab onCheck={(camera) => setChecking({ camera })} refreshKey={refreshKey} />,
          },
          { key: "checks", label: t("video.tab.checks"), children: <ChecksTab refreshKey={refreshKey} /> },
        ]}
      />
      <SpotCheckModal
        open={checking !== null}
        camera={checking?.camera ?? null}
        onClose={() => setChecking(null)}
        onCreated={() => {
          message.success(t("video.check.saved"));
          setChecking(null);
          setRefreshKey((n) => n + 1);
        }}
      />
    </PageContainer>
  );
}
