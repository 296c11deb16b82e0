"""`--scheduler`: the same work on a Dask LocalCluster gives the same tables as the local run."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pandas as pd
import pytest

TESTS = str(Path(__file__).parent)
sys.path.insert(0, TESTS)
from batch_fakes import fake_process, make_corpus  # noqa: E402

import arsred  # noqa: E402
from arsred.options import Options  # noqa: E402

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster():
    # spawned workers import the fake pipeline by name
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (TESTS, os.environ.get("PYTHONPATH", "")) if p)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None, silence_logs=40) as c:
        yield c


def test_local_cluster_run_equals_local_run(cluster, tmp_path: Path) -> None:
    src = tmp_path / "in"
    make_corpus(src, 12, {5: "CRASH\n", 7: "HANG\n"})
    (src / "empty.txt").write_bytes(b"")
    (src / "sub").mkdir()
    (src / "sub" / "r0003.txt").write_text((src / "r0003.txt").read_text())   # same stem, same bytes
    local = arsred.extract_reports([src], tmp_path / "local", Options(jobs=2, timeout=3), process_fn=fake_process)
    dist = arsred.extract_reports([src], tmp_path / "dask", Options(jobs=1, timeout=3,
                                                            scheduler=cluster.scheduler_address),
                          process_fn=fake_process)
    assert dist.stats.computed == local.stats.computed
    for name in ("documents", "facts", "checks", "goals"):
        pd.testing.assert_frame_equal(getattr(dist, name), getattr(local, name), obj=name)
        assert (tmp_path / "dask" / f"{name}.csv").read_bytes() == (tmp_path / "local" / f"{name}.csv").read_bytes()
    docs = dist.documents.set_index("doc_id")
    assert "worker crashed" in docs.loc["r0005", "error"] and "timed out" in docs.loc["r0007", "error"]
    assert docs.loc["r0003", "status"] == "ok"
    assert (docs["status"] == "ok").sum() == 11


def test_dask_run_of_the_real_pipeline_on_bad_bytes(cluster, tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    (tmp_path / "in" / "fake.pdf").write_bytes(b"not a pdf")
    res = arsred.extract_reports([tmp_path / "in"], None, Options(scheduler=cluster.scheduler_address))
    assert list(res.documents["status"]) == ["error", "error"]
    assert "empty" in res.documents["error"][0] and "PDF" in res.documents["error"][1]
