"""The admin API (/api/admin/…): every status code, and a document added, corrected, replaced,
hidden and deleted is answered from (or gone) at once — real Chroma, the hashing fake embedder."""
from __future__ import annotations

import shutil

import pytest
from fastapi.testclient import TestClient

from eval.sample_docx import make_plan

TOKEN = "s3cret-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
QUESTION = "青禾县智慧普法云平台建设由哪个单位牵头?"


def make_client(data_dir, hash_index, **overrides):
    from index.service import open_searcher
    from ui.server import build_app
    from ui.services import Services
    from ui.settings import load

    if not (data_dir / "chroma").exists():
        shutil.copytree(hash_index, data_dir, dirs_exist_ok=True)
    settings = load({"data_dir": str(data_dir), "llm": "none", "embed_model": "hash",
                     "rate_limit_per_minute": 10000, **overrides})
    services = Services(settings, searcher=open_searcher(str(data_dir), embed_model="hash"))
    return TestClient(build_app(services), raise_server_exceptions=False), services


@pytest.fixture()
def admin(hash_index, tmp_path):
    client, services = make_client(tmp_path / "data", hash_index, admin_token=f"wang={TOKEN}", max_upload_mb=1)
    return client, services


def upload(client, path, **form):
    with open(path, "rb") as fh:
        return client.post("/api/admin/documents/preview", headers=AUTH, data=form,
                           files={"file": (path.name, fh.read(), DOCX)})


def ask(client, question=QUESTION):
    r = client.post("/api/ask", json={"question": question})
    assert r.status_code == 200, r.text
    return r.json()


def cited_leads(answer):
    return {u for c in answer["citations"] for u in (c["lead_units"] or [])}


def test_no_token_configured_means_404_everywhere(hash_index, tmp_path):
    client, _ = make_client(tmp_path / "data", hash_index)
    for method, path in [("get", "/api/admin/documents"), ("post", "/api/admin/documents/preview"),
                         ("post", "/api/admin/documents"), ("delete", "/api/admin/documents/000"),
                         ("put", "/api/admin/documents/000"), ("patch", "/api/admin/items/x"),
                         ("get", "/api/admin/feedback"), ("get", "/api/admin/anything")]:
        r = getattr(client, method)(path, headers=AUTH)
        assert r.status_code == 404, (method, path, r.status_code)
    assert "/api/admin/documents" not in client.get("/openapi.json").text
    # even a big body gets 404, not 413
    r = client.post("/api/admin/documents/preview", headers=AUTH, content=b"x" * 400_000)
    assert r.status_code == 404


def test_wrong_or_missing_token_is_401(admin):
    client, _ = admin
    for headers in ({}, {"Authorization": "Bearer nope"}, {"Authorization": TOKEN}):
        r = client.get("/api/admin/documents", headers=headers)
        assert r.status_code == 401 and r.json()["error"]
    assert client.get("/api/admin/documents", headers=AUTH).status_code == 200
    assert "/api/admin/documents/preview" in client.get("/openapi.json").text


def test_upload_over_the_limit_is_413_with_the_limit(admin, tmp_path):
    client, _ = admin
    big = tmp_path / "big.txt"
    big.write_bytes(("青禾县" * 200_000).encode())  # 1.8 MB > 1 MB
    r = client.post("/api/admin/documents/preview", headers=AUTH, files={"file": ("big.txt", big.read_bytes())})
    assert r.status_code == 413 and "1 MB" in r.json()["error"]


def test_bad_files_are_4xx_with_a_message(admin):
    client, _ = admin
    r = client.post("/api/admin/documents/preview", headers=AUTH, files={"file": ("x.exe", b"MZ\x00\x01")})
    assert r.status_code == 400 and ".docx" in r.json()["error"]
    r = client.post("/api/admin/documents/preview", headers=AUTH, files={"file": ("x.docx", b"not a zip")})
    assert r.status_code == 422 and "docx" in r.json()["error"]
    r = client.post("/api/admin/documents/preview", headers=AUTH, files={"file": ("x.txt", b"")})
    assert r.status_code == 422
    r = client.post("/api/admin/documents", headers=AUTH, json={"preview_id": "feedfeedfeedfeed"})
    assert r.status_code == 404
    r = client.post("/api/admin/documents", headers=AUTH, json={"preview_id": "x", "colour": 1})
    assert r.status_code == 422
    assert client.delete("/api/admin/documents/nosuch", headers=AUTH).status_code == 404
    assert client.patch("/api/admin/items/nosuch", headers=AUTH, json={"lead_units": ["县司法局"]}).status_code == 404
    assert client.patch("/api/admin/items/nosuch", headers=AUTH, json={}).status_code == 400


def test_preview_correct_confirm_replace_delete(admin, tmp_path):
    client, services = admin
    plan = make_plan(tmp_path / "qinghe.docx", lead="县司法局")
    r = upload(client, plan, locality="青禾县")
    assert r.status_code == 200, r.text
    preview = r.json()
    assert preview["document"]["locality"] == "青禾县" and preview["document"]["title"].startswith("青禾县")
    key = next(i for i in preview["items"] if "智慧普法云平台" in i["text"])
    assert key["lead_units"] == ["县司法局"]
    assert any(i["warnings"] for i in preview["items"])  # the item with no unit is flagged
    # nothing indexed yet
    assert "青禾县" not in services.localities
    # a correction in the preview, kept with the original
    r = client.patch(f"/api/admin/items/{key['item_id']}", headers=AUTH,
                     json={"lead_units": ["县大数据中心"], "preview_id": preview["preview_id"]})
    assert r.status_code == 200 and r.json()["corrected"] and r.json()["original"]["lead_units"] == ["县司法局"]
    r = client.post("/api/admin/documents", headers=AUTH, json={"preview_id": preview["preview_id"], "date": "2026-03-01"})
    assert r.status_code == 200, r.text
    doc = r.json()
    assert doc["added_by"] == "wang" and doc["items"] >= 5 and doc["date"] == "2026-03-01" and doc["corrections"] == 1
    answer = ask(client)
    assert answer["status"] == "answered" and "县大数据中心" in cited_leads(answer), answer
    # the item list shows the correction as 人工校正 with the original
    items = client.get(f"/api/admin/documents/{doc['doc_id']}/items", headers=AUTH).json()
    fixed = next(i for i in items if "智慧普法云平台" in i["text"])
    assert fixed["corrected"] and fixed["lead_units"] == ["县大数据中心"] and fixed["original"]["lead_units"] == ["县司法局"]
    # a correction of a served item, then a full re-ingest through the library keeps it
    r = client.patch(f"/api/admin/items/{fixed['item_id']}", headers=AUTH, json={"responsible_units": ["县财政局"]})
    assert r.status_code == 200 and r.json()["responsible_units"] == ["县财政局"]
    services.library.rebuild(services.assistant.searcher.store, full=True)
    services.reload()
    assert "县大数据中心" in cited_leads(ask(client))
    # replace with a new version: the correction follows the item; a new lead elsewhere shows up
    v2 = make_plan(tmp_path / "qinghe-v2.docx", lead="县政务服务中心", version="(修订)")
    with open(v2, "rb") as fh:
        r = client.put(f"/api/admin/documents/{doc['doc_id']}", headers=AUTH, files={"file": (v2.name, fh.read(), DOCX)})
    assert r.status_code == 200, r.text
    assert "修订" in r.json()["title"]
    answer = ask(client, "青禾县法律顾问聘任第2项建设由哪个单位牵头?")
    assert "县政务服务中心" in cited_leads(answer), answer
    # delete: gone from the answers
    assert client.delete(f"/api/admin/documents/{doc['doc_id']}", headers=AUTH).status_code == 200
    answer = ask(client)
    assert not any(c["locality"] == "青禾县" for c in answer["citations"])
    assert all(d["doc_id"] != doc["doc_id"] for d in client.get("/api/admin/documents", headers=AUTH).json())


def test_cancel_changes_nothing(admin, tmp_path):
    client, services = admin
    before = services.assistant.searcher.build["name"]
    preview = upload(client, make_plan(tmp_path / "p.docx"), locality="青禾县").json()
    assert client.delete(f"/api/admin/documents/preview/{preview['preview_id']}", headers=AUTH).status_code == 200
    assert client.post("/api/admin/documents", headers=AUTH, json={"preview_id": preview["preview_id"]}).status_code == 404
    assert services.assistant.searcher.build["name"] == before


def test_bundled_documents_hide_but_never_delete(admin):
    client, services = admin
    docs = client.get("/api/admin/documents", headers=AUTH).json()
    bundled = [d for d in docs if d["source"] == "bundled"]
    assert len(bundled) == 5 and all(d["items"] > 0 for d in bundled)
    target = next(d for d in bundled if d["locality"] == "新密市")
    r = client.delete(f"/api/admin/documents/{target['doc_id']}", headers=AUTH)
    assert r.status_code == 409 and "隐藏" in r.json()["error"]
    r = client.post(f"/api/admin/documents/{target['doc_id']}/hide", headers=AUTH, json={"hidden": True})
    assert r.status_code == 200 and r.json()["hidden"] and r.json()["items"] == 0
    assert "新密市" not in services.localities
    r = client.post(f"/api/admin/documents/{target['doc_id']}/hide", headers=AUTH, json={"hidden": False})
    assert r.status_code == 200 and r.json()["items"] == target["items"]


def test_concurrent_change_of_one_document_is_409(admin, tmp_path):
    client, services = admin
    preview = upload(client, make_plan(tmp_path / "p.docx"), locality="青禾县").json()
    key = preview["document"]["doc_id"]
    with services.library.changing(key):  # another admin's replace is running
        r = client.post("/api/admin/documents", headers=AUTH, json={"preview_id": preview["preview_id"]})
    assert r.status_code == 409
    assert client.post("/api/admin/documents", headers=AUTH, json={"preview_id": preview["preview_id"]}).status_code == 200


def test_script_in_name_and_text_is_kept_as_text(admin):
    client, _ = admin
    name = "<script>alert(1)</script>.txt"
    body = "青禾县法治工作要点\n一、任务\n1. <script>alert(2)</script>推进普法。\n牵头单位:县司法局\n".encode()
    r = client.post("/api/admin/documents/preview", headers=AUTH, files={"file": (name, body)}, data={"locality": "青禾县"})
    assert r.status_code == 200 and any("<script>alert(2)</script>" in i["text"] for i in r.json()["items"])
    assert r.headers["content-type"].startswith("application/json")
    r = client.post("/api/admin/documents", headers=AUTH, json={"preview_id": r.json()["preview_id"]})
    assert r.status_code == 200 and "script" in r.json()["file"]


def test_feedback_review_filters_and_csv(admin):
    client, services = admin
    services.feedback.add("down", "新密市政府督查谁牵头?", "市政府办公室", [{"n": 1, "item_id": "x-1", "locality": "新密市"}], "错了")
    services.feedback.add("down", "阜康市备案多少日?", "30日", [{"n": 1, "item_id": "y-1", "locality": "阜康市"}], "")
    services.feedback.add("up", "好的问题", "好的回答", [], "")
    rows = client.get("/api/admin/feedback", headers=AUTH).json()
    assert [r["question"][:3] for r in rows] == ["阜康市", "新密市"]  # 有误 only, newest first
    rows = client.get("/api/admin/feedback", headers=AUTH, params={"locality": "新密市"}).json()
    assert len(rows) == 1 and rows[0]["comment"] == "错了" and rows[0]["citations"][0]["item_id"] == "x-1"
    assert client.get("/api/admin/feedback", headers=AUTH, params={"since": "2999-01-01"}).json() == []
    r = client.get("/api/admin/feedback", headers=AUTH, params={"format": "csv"})
    assert r.status_code == 200 and "text/csv" in r.headers["content-type"] and "新密市政府督查谁牵头" in r.text


def test_a_bundled_document_can_be_replaced_and_still_not_deleted(admin):
    client, services = admin
    target = next(d for d in client.get("/api/admin/documents", headers=AUTH).json() if d["locality"] == "阜康市")
    assert any("2021" in i.text for i in services.items if i.doc_id == target["doc_id"])
    body = "阜康市2026年法治政府建设工作要点\n一、任务\n1. 推进阜康市行政执法三项制度复查。\n牵头单位:市司法局\n".encode()
    r = client.put(f"/api/admin/documents/{target['doc_id']}", headers=AUTH, files={"file": ("fukang-2026.txt", body)})
    assert r.status_code == 200, r.text
    doc = r.json()
    assert doc["source"] == "bundled" and doc["replaced"] and doc["items"] < target["items"]
    served = [i.text for i in services.items if i.doc_id == target["doc_id"]]
    assert any("三项制度复查" in t for t in served) and all("2021" not in t for t in served)  # old version gone
    assert client.delete(f"/api/admin/documents/{target['doc_id']}", headers=AUTH).status_code == 409
    r = client.put("/api/admin/documents/nosuch", headers=AUTH, files={"file": ("x.txt", body)})
    assert r.status_code == 404


def test_a_task_list_saved_as_csv_can_be_uploaded(admin):
    client, _ = admin
    rows = ("沅水县2025年法治政府建设重点任务分工表,,,,\r\n序号,重点任务,牵头单位,配合单位,完成时限\r\n"
            "1,\"动态调整权责清单，年内完成\",县委编办,\"县司法局,县财政局\",6月底前\r\n"
            "2,推进行政执法三项制度,县司法局,,12月底前\r\n")
    r = client.post("/api/admin/documents/preview", headers=AUTH,
                    files={"file": ("分工表.csv", rows.encode("gbk"), "text/csv")})
    assert r.status_code == 200, r.text
    tasks = [i for i in r.json()["items"] if i["lead_units"]]
    assert [i["lead_units"] for i in tasks] == [["县委编办"], ["县司法局"]]


def test_an_attachment_uploaded_after_its_plan_gives_the_plan_its_units(admin, tmp_path):
    """A portal publishes the plan and its 分工表 as two downloads; uploaded one after the other, they
    are served as one document, and the listing says where the attachment went."""
    client, _ = admin
    plan = tmp_path / "P020250320.txt"
    plan.write_text("梧桐县2025年法治政府建设工作要点\n梧桐县人民政府办公室\n2025年3月20日\n"
                    "一、依法全面履行政府职能\n1．动态调整权责清单。年内完成一次集中调整。\n"
                    "2．深化“放管服”改革。政务服务事项网上可办率达到95%以上。\n"
                    "二、严格规范公正文明执法\n3．加强执法人员培训。行政执法人员每年培训不少于60学时。\n", "utf-8")
    fj = tmp_path / "P020250321.csv"
    fj.write_text("附件1\n《梧桐县2025年法治政府建设工作要点》任务分工表\n序号,重点任务,牵头单位,配合单位,完成时限\n"
                  "1,动态调整权责清单,县委编办,县司法局,2025年12月底前\n2,深化“放管服”改革,县政务服务中心,县数据局,2025年10月底前\n"
                  "3,加强执法人员培训,县司法局,各乡镇人民政府,长期坚持\n", "utf-8")
    for path in (plan, fj):
        r = upload(client, path)
        assert r.status_code == 200, r.text
        r = client.post("/api/admin/documents", headers=AUTH, json={"preview_id": r.json()["preview_id"]})
        assert r.status_code == 200, r.text
    answer = ask(client, "梧桐县执法人员培训那项谁牵头?")
    assert answer["status"] == "answered" and answer["answer"].startswith("梧桐县:县司法局牵头"), answer
    rows = {d["file"]: d for d in client.get("/api/admin/documents", headers=AUTH).json()}
    plan_row, fj_row = rows["P020250320.txt"], rows["P020250321.csv"]
    assert plan_row["items"] >= 3 and plan_row["units"] >= 3
    assert fj_row["items"] == 0 and fj_row["attached_to"] == plan_row["doc_id"]
