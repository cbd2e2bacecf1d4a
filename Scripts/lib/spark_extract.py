"""The PySpark driver of Scripts/spark-extract: an exact map/reduce of `entity-graph extract` on Apache Spark.

Map: the corpus is listed once on the driver (`entity-graph list`, which fixes every document's id as one run
over the whole input would), the list is cut into partitions, and each task runs `entity-graph extract
--files-from PART --partial WORK/part-N.partial` on its partition. Reduce: while there are more partials than
`--fan-in`, groups of them are merged into one partial each by parallel tasks (`entity-graph merge ... --partial`,
a tree); then the driver runs the last `merge`, a streaming k-way merge by document id, into the outputs. Because
the merge of partials is exact (associative and commutative, in any grouping), the files are byte for byte those
of one `extract` over every document, however many partitions and whatever order the tasks finish in.

Documents are read by path and partials are written to the work directory, so on a cluster both must be on a
filesystem every node sees (as with any `textFile` input); only file names travel through Spark, never the
partials, so no node holds more than one partial's summary per input in memory. The binary with its resource
bundles must be on every node (`--archives`, see the README's "Larger corpora").

Exit status: 0; 1 when some documents could not be read (their errors are printed in document order, the others
are in the graph, as with `extract`); 2 when a run failed.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time


def parse_arguments(argv):
    parser = argparse.ArgumentParser(prog="spark-extract", description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", required=True, help="the entity-graph executable, as every node sees it")
    parser.add_argument("--master", help="Spark master URL (default: spark-submit's, else local[*])")
    parser.add_argument("--partitions", type=int, default=0,
                        help="partitions of the document list (default: Spark's default parallelism)")
    parser.add_argument("--fan-in", type=int, default=32,
                        help="partials merged by one task of the reduce tree, and by the last merge (default: 32)")
    parser.add_argument("--work-dir", help="where the partials go (default: a temporary directory; on a cluster, "
                                           "a directory every node sees)")
    parser.add_argument("--mentions", help="also write the mentions file (JSON Lines), as extract --mentions")
    parser.add_argument("--merge-log", help="also write the merge log (TSV), as extract --merge-log")
    parser.add_argument("--partial", help="also write the whole corpus as one partial result")
    parser.add_argument("--no-co-mentions", action="store_true", help="leave out co_mention edges")
    parser.add_argument("--no-tagger", action="store_true", help="as extract --no-tagger")
    parser.add_argument("--aliases", help="an extra alias table, as extract --aliases (read on every node)")
    parser.add_argument("--quiet", action="store_true", help="no closing figures")
    parser.add_argument("input", help="a directory of *.txt articles (or one file), on a filesystem every node sees")
    parser.add_argument("outputs", nargs="*", help="graph files to write; the extension picks the format")
    arguments = parser.parse_args(argv)
    if not (arguments.outputs or arguments.mentions or arguments.merge_log or arguments.partial):
        parser.error("nothing to write: give at least one output file (or --mentions, --merge-log, --partial)")
    if arguments.partitions < 0 or arguments.fan_in < 2:
        parser.error("--partitions must be 0 or more and --fan-in 2 or more")
    return arguments


def run(command):
    """Runs a command; returns (exit status, stderr text)."""
    process = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return process.returncode, process.stderr.decode("utf-8", "replace")


def extract_partition(binary, analysis_options, work):
    """The map task: a partition's list lines in, one (partial path, documents, failed, stderr) out."""

    def task(index, lines):
        lines = list(lines)
        partial = os.path.join(work, f"part-{index:05d}.partial")
        with tempfile.TemporaryDirectory(prefix="entity-graph-map-") as scratch:
            listing = os.path.join(scratch, "files.jsonl")
            with open(listing, "w", encoding="utf-8") as handle:
                handle.writelines(line + "\n" for line in lines)
            # One job per task: Spark already runs one task per core.
            status, errors = run([binary, "extract", "--files-from", listing, "--partial", partial,
                                  "--jobs", "1", "--quiet"] + analysis_options)
        if status not in (0, 1) or not os.path.exists(partial):
            raise RuntimeError(f"partition {index}: entity-graph extract exited with {status}:\n{errors}")
        yield partial, len(lines), status == 1, errors

    return task


def merge_group(binary, work, level):
    """A reduce task: a group of partials in, their exact merge as one partial out."""

    def task(item):
        index, paths = item
        merged = os.path.join(work, f"level-{level}-{index:05d}.partial")
        status, errors = run([binary, "merge"] + paths + ["--partial", merged])
        if status != 0:
            raise RuntimeError(f"entity-graph merge exited with {status}:\n{errors}")
        for path in paths:
            os.remove(path)
        return merged

    return task


def main(argv):
    arguments = parse_arguments(argv)
    binary = arguments.binary
    listing = subprocess.run([binary, "list", arguments.input], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if listing.returncode != 0:
        sys.stderr.write(listing.stderr.decode("utf-8", "replace"))
        return 2
    lines = [line for line in listing.stdout.decode("utf-8").split("\n") if line]
    analysis_options = []
    if arguments.no_tagger:
        analysis_options.append("--no-tagger")
    if arguments.aliases:
        analysis_options += ["--aliases", os.path.abspath(arguments.aliases)]

    from pyspark.sql import SparkSession  # imported late: --help works without PySpark

    started = time.time()
    log_config = os.path.join(os.path.dirname(os.path.abspath(__file__)), "spark-log4j2.properties")
    builder = SparkSession.builder.master(arguments.master) if arguments.master else SparkSession.builder
    spark = (builder.appName("entity-graph extract")
             .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
             .config("spark.driver.extraJavaOptions", f"-Dlog4j2.configurationFile=file:{log_config}")
             .getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    with tempfile.TemporaryDirectory(prefix="entity-graph-spark-", dir=arguments.work_dir) as work:
        try:
            context = spark.sparkContext
            partitions = max(1, min(arguments.partitions or context.defaultParallelism, len(lines)))
            reports = context.parallelize(lines, partitions) \
                .mapPartitionsWithIndex(extract_partition(binary, analysis_options, work)).collect()
            partials = [report[0] for report in reports]
            level = 0
            while len(partials) > arguments.fan_in:
                groups = [partials[i:i + arguments.fan_in] for i in range(0, len(partials), arguments.fan_in)]
                partials = context.parallelize(list(enumerate(groups)), len(groups)) \
                    .map(merge_group(binary, work, level)).collect()
                level += 1
        finally:
            spark.stop()
        failed = False
        # Reports come in partition order, which is the list's order: document id, as one extract prints them.
        for _, _, has_failed, errors in reports:
            sys.stderr.write(errors)
            failed = failed or has_failed

        command = [binary, "merge"] + partials
        for output in arguments.outputs:
            command += ["-o", output]
        for option, value in (("--mentions", arguments.mentions), ("--merge-log", arguments.merge_log),
                              ("--partial", arguments.partial)):
            if value:
                command += [option, value]
        if arguments.no_co_mentions:
            command.append("--no-co-mentions")
        status, errors = run(command)
        sys.stderr.write(errors)
        if status != 0:
            return 2
    elapsed = time.time() - started
    if not arguments.quiet:
        print(json.dumps({"documents": len(lines), "partitions": len(reports), "reduce_levels": level,
                          "seconds": round(elapsed, 2),
                          "documents_per_second": round(len(lines) / elapsed, 1)}), file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
