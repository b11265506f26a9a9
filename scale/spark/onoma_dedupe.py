"""onoma dedupe on Apache Spark: the clusters of `onoma dedupe` for corpora of any size.

Stages (each one Spark job or shuffle; the timings are printed at the end):

  sign        read JSONL from any Hadoop-compatible path, pipe each partition through
              `onoma dedupe sign` (RDD.pipe); one record comes back per input line
  errors      error records of sign and repeated ids (kept: the first by input order) go to
              OUTPUT/errors as JSONL with their id, partition and line: counted, never dropped
  buckets     explode the LSH band keys and group documents by key; buckets larger than
              --bucket-limit (boilerplate, or shingles common in one language) are skipped and counted,
              as onoma does
  verify      the members of each bucket meet with their MinHash signatures; each pair in it
              passes when its similarity (share of equal positions) >= threshold (numpy on
              the executors); pairs that pass are kept once
  components  connected components of the verified pairs: large-star / small-star iterations
              (Kiveris et al., "Connected Components in MapReduce and Beyond", 2014) in plain Spark
  clusters    each component's representative by onoma's rule (earliest "date", else longest
              text, else smallest id); the cluster id is the representative's id
  write       OUTPUT/clusters as JSONL or Parquet: {"id", "cluster", "representative"},
              in input order

Translation links (--cross-lingual in onoma) are not computed here: see README.md.

    spark-submit onoma_dedupe.py --input s3a://bucket/news/*.jsonl --output s3a://bucket/dedupe \
        --onoma ./onoma --files .../onoma
"""

import argparse
import json
import os
import shlex
import sys
import time

from pyspark import StorageLevel
from pyspark.sql import SparkSession, Window
from pyspark.sql import functions as F
from pyspark.sql import types as T

SIGNATURE = T.StructType([
    T.StructField("id", T.StringType()),
    T.StructField("lang", T.StringType()),
    T.StructField("date", T.StringType()),
    T.StructField("length", T.LongType()),
    T.StructField("bands", T.ArrayType(T.StringType())),
    T.StructField("minhash", T.StringType()),
    T.StructField("settings", T.StringType()),
    T.StructField("error", T.StringType()),
    T.StructField("path", T.StringType()),
    T.StructField("line", T.LongType()),
    T.StructField("column", T.LongType()),
])

# Positions: partition index in the high bits, line within the partition in the low ones, so
# that position order is input order without a counting job.
LINE_BITS = 40


def arguments(argv):
    parser = argparse.ArgumentParser(description="onoma dedupe on Spark: clusters of near-duplicate stories.")
    parser.add_argument("--input", required=True, nargs="+", help="JSONL documents: paths or globs on any Hadoop file system")
    parser.add_argument("--output", required=True, help="a directory for clusters/ and errors/")
    parser.add_argument("--onoma", default="onoma", help="the onoma binary on the executors (./onoma when shipped with --files)")
    parser.add_argument("--path", default="/usr/local/bin:/usr/bin:/bin", help="PATH of the sign processes")
    parser.add_argument("--env", action="append", default=[], metavar="NAME=VALUE",
                        help="more environment of the sign processes (e.g. LD_LIBRARY_PATH=icu/lib); they get no other")
    parser.add_argument("--format", choices=["jsonl", "parquet"], default="jsonl", help="the format of OUTPUT/clusters")
    parser.add_argument("--threshold", type=float, default=0.35, help="as onoma dedupe --threshold")
    parser.add_argument("--permutations", type=int, help="as onoma dedupe --permutations")
    parser.add_argument("--bands", type=int, help="as onoma dedupe --bands")
    parser.add_argument("--rows", type=int, help="as onoma dedupe --rows")
    parser.add_argument("--shingle-size", type=int, help="as onoma dedupe --shingle-size")
    parser.add_argument("--lexicon", help="as onoma dedupe --lexicon (a path on the executors)")
    parser.add_argument("--bucket-limit", type=int, default=1000,
                        help="skip LSH buckets with more documents than this (onoma's limit is 1000)")
    parser.add_argument("--partitions", type=int, help="input partitions (default: Spark's split of the input)")
    parser.add_argument("--shuffle-partitions", type=int,
                        help="partitions of the shuffles (spark.sql.shuffle.partitions; Spark's default is 200)")
    parser.add_argument("--stats", help="also write the counts and stage times as JSON to this local file")
    return parser.parse_args(argv)


def sign_command(options):
    # Spark runs one task per executor core, each with its own process: one thread each.
    command = [options.onoma, "dedupe", "sign", "--jobs", "1", "--threshold", repr(options.threshold)]
    for flag, value in [("--permutations", options.permutations), ("--bands", options.bands), ("--rows", options.rows),
                        ("--shingle-size", options.shingle_size), ("--lexicon", options.lexicon)]:
        if value is not None:
            command += [flag, str(value)]
    return shlex.join(command)


class Stages:
    """Wall-clock time per stage: each stage ends with an action that materialises it."""

    def __init__(self):
        self.times = {}
        self.start = time.time()

    def done(self, name):
        now = time.time()
        self.times[name] = round(now - self.start, 2)
        self.start = now
        print(f"onoma-spark: {name} {self.times[name]} s", file=sys.stderr, flush=True)


def verified_pairs(buckets, threshold):
    """The pairs (lower position, higher position) of each bucket whose MinHash similarity
    reaches the threshold, with onoma's arithmetic: positions where both signatures hold the
    same value, other than an empty document's (all bits set), over the signature's length,
    compared in doubles."""
    import numpy

    for bucket in buckets:
        members = sorted(bucket.members, key=lambda member: member.pos)
        positions = [member.pos for member in members]
        hashes = numpy.frombuffer(b"".join(member.minhash for member in members), dtype="<u8").reshape(len(members), -1)
        filled = hashes != numpy.uint64(0xFFFF_FFFF_FFFF_FFFF)
        for i in range(len(members) - 1):
            equal = ((hashes[i + 1:] == hashes[i]) & filled[i]).sum(axis=1)
            for j in numpy.nonzero(equal / hashes.shape[1] >= threshold)[0]:
                yield positions[i], positions[i + 1 + int(j)]


def connected_components(edges):
    """Labels (node, component) for the nodes of an undirected edge list (src, dst), each
    component labelled by its least node: large-star and small-star rounds until nothing
    changes. Nodes without edges are not in the result."""
    edges = edges.where("src != dst").select(F.greatest("src", "dst").alias("src"), F.least("src", "dst").alias("dst")).distinct()
    rounds = 0
    while True:
        rounds += 1
        both = edges.union(edges.select(F.col("dst").alias("src"), F.col("src").alias("dst")))
        # Large star: every node links its larger neighbours to the least of itself and its neighbours.
        least = both.groupBy("src").agg(F.least(F.min("dst"), F.col("src")).alias("m"))
        large = (both.join(least, "src").where("dst > src")
                 .select(F.col("dst").alias("src"), F.col("m").alias("dst")).distinct())
        # Small star: every node links itself and its smaller neighbours to the least of them.
        down = large.union(large.select(F.col("dst").alias("src"), F.col("src").alias("dst"))).where("dst <= src")
        least = down.groupBy("src").agg(F.least(F.min("dst"), F.col("src")).alias("m"))
        members = down.union(down.select("src", F.col("src").alias("dst")))
        small = (members.join(least, "src").select(F.col("dst").alias("src"), F.col("m").alias("dst"))
                 .where("src != dst").distinct())
        small = small.localCheckpoint()
        changed = small.exceptAll(edges).count() + edges.exceptAll(small).count()
        edges = small
        if changed == 0:
            break
    # Converged: a star per component around its least node.
    labels = edges.select(F.col("src").alias("node"), F.col("dst").alias("component"))
    roots = edges.select(F.col("dst").alias("node"), F.col("dst").alias("component"))
    return labels.union(roots).distinct(), rounds


def main(argv):
    options = arguments(argv)
    spark = SparkSession.builder.appName("onoma dedupe").getOrCreate()
    sc = spark.sparkContext
    if options.shuffle_partitions:
        spark.conf.set("spark.sql.shuffle.partitions", str(options.shuffle_partitions))
    stages = Stages()
    stats = {}

    # sign: one record per input line, tagged with its position.
    lines = sc.textFile(",".join(options.input), minPartitions=options.partitions or sc.defaultParallelism)
    command = sign_command(options)
    # checkCode: sign answers bad lines with error records and exits 0; any other exit is a
    # broken executor, which fails the task (and Spark retries it) rather than losing lines.
    environment = dict([("PATH", options.path)] + [tuple(setting.split("=", 1)) for setting in options.env])
    signed = lines.pipe(command, env=environment, checkCode=True).mapPartitionsWithIndex(
        lambda partition, records: (((partition << LINE_BITS) + number, partition, number + 1, record)
                                    for number, record in enumerate(records)))
    parsed = (spark.createDataFrame(signed, "pos long, partition int, number long, record string")
              .select("pos", "partition", "number", (F.col("record") == "").alias("blank"), F.from_json("record", SIGNATURE).alias("r"))
              .select("pos", "partition", "number", "blank", "r.*")
              .persist(StorageLevel.MEMORY_AND_DISK))
    counts = parsed.agg(F.count("*").alias("lines"), F.sum(F.col("blank").cast("long")).alias("blank"),
                        F.count("error").alias("errors"), F.countDistinct("settings").alias("settings")).first()
    stats["blank_lines"], stats["sign_errors"] = counts["blank"] or 0, counts["errors"]
    stats["records"] = counts["lines"] - stats["blank_lines"]
    stats["input_lines"] = lines.count()
    if stats["input_lines"] != counts["lines"]:
        sys.exit(f"onoma-spark: error: {stats['input_lines']} input lines gave {counts['lines']} output lines; "
                 "sign must answer every line with one line")
    records = parsed.where("NOT blank")
    stages.done("sign")
    if counts["settings"] > 1:
        sys.exit("onoma-spark: error: the executors signed with different settings (different onoma binaries or options)")

    # errors: sign's error records and repeated ids (the first by input order stays).
    first = Window.partitionBy("id").orderBy("pos")
    documents = records.where("error IS NULL").withColumn("occurrence", F.row_number().over(first))
    repeated = (documents.where("occurrence > 1")
                .withColumn("error", F.concat(F.lit("duplicate id '"), F.col("id"), F.lit("' (a document with it comes earlier)"))))
    errors = (records.where("error IS NOT NULL").select("id", "error", "partition", F.col("number").alias("line"))
              .union(repeated.select("id", "error", "partition", F.col("number").alias("line"))))
    errors.write.mode("overwrite").json(os.path.join(options.output, "errors"))
    documents = documents.where("occurrence = 1").drop("occurrence").persist(StorageLevel.MEMORY_AND_DISK)
    stats["documents"] = documents.count()
    stats["duplicate_ids"] = repeated.count()
    stats["errors"] = stats["sign_errors"] + stats["duplicate_ids"]
    stages.done("errors")

    # buckets: documents per band key; hot buckets are skipped and counted.
    keys = documents.select("pos", F.explode("bands").alias("key"))
    sizes = keys.groupBy("key").agg(F.count("*").alias("size")).where("size > 1").persist(StorageLevel.MEMORY_AND_DISK)
    bucket_stats = sizes.agg(F.count("*").alias("shared"), F.max("size").alias("largest"),
                             F.sum(F.when(F.col("size") > options.bucket_limit, 1).otherwise(0)).alias("skipped"),
                             F.sum(F.when(F.col("size") > options.bucket_limit, F.col("size")).otherwise(0)).alias("skipped_members"),
                             F.sum(F.when(F.col("size") <= options.bucket_limit, F.col("size") * (F.col("size") - 1) / 2)
                                   .otherwise(0)).cast("long").alias("pair_checks")).first()
    stats["shared_buckets"] = bucket_stats["shared"]
    stats["largest_bucket"] = bucket_stats["largest"] or 1
    stats["skipped_buckets"] = bucket_stats["skipped"] or 0
    stats["skipped_bucket_members"] = bucket_stats["skipped_members"] or 0
    stats["pair_checks"] = bucket_stats["pair_checks"] or 0
    stages.done("buckets")
    print(f"onoma-spark: {stats['shared_buckets']} shared buckets, the largest {stats['largest_bucket']} documents; "
          f"{stats['skipped_buckets']} over --bucket-limit {options.bucket_limit} skipped; "
          f"{stats['pair_checks']} pair checks in the others", file=sys.stderr, flush=True)

    # verify: the documents of each bucket of at most --bucket-limit members, with their
    # signatures, compared pair by pair where they meet (numpy on the executors). A pair is
    # checked in every bucket it shares; pairs that pass are kept once.
    signatures = documents.select("pos", F.unbase64("minhash").alias("minhash"))
    members = (keys.join(sizes.where(F.col("size") <= options.bucket_limit).select("key"), "key").join(signatures, "pos")
               .groupBy("key").agg(F.collect_list(F.struct("pos", "minhash")).alias("members")))
    threshold = options.threshold
    verified = (spark.createDataFrame(members.rdd.mapPartitions(lambda buckets: verified_pairs(buckets, threshold)), "src long, dst long")
                .distinct().persist(StorageLevel.MEMORY_AND_DISK))
    stats["verified_pairs"] = verified.count()
    stages.done("verify")

    # components.
    labels, rounds = connected_components(verified)
    labels = labels.persist(StorageLevel.MEMORY_AND_DISK)
    stats["linked_documents"] = labels.count()
    stats["component_rounds"] = rounds
    stages.done("components")

    # clusters: the representative of each component by onoma's rule; lone documents represent themselves.
    labelled = (documents.select("pos", "id", "date", "length").join(labels.withColumnRenamed("node", "pos"), "pos", "left")
                .withColumn("component", F.coalesce("component", "pos")))
    best = Window.partitionBy("component").orderBy(F.col("date").asc_nulls_last(), F.col("length").desc(), F.col("id").asc())
    clusters = (labelled.withColumn("representative", F.first("id").over(best))
                .select("pos", "id", F.col("representative").alias("cluster"), "representative")
                .persist(StorageLevel.MEMORY_AND_DISK))
    stats["clusters"] = clusters.select("cluster").distinct().count()
    stages.done("clusters")

    output = clusters.orderBy("pos").drop("pos")
    target = os.path.join(options.output, "clusters")
    if options.format == "parquet":
        output.write.mode("overwrite").parquet(target)
    else:
        output.write.mode("overwrite").json(target)
    stages.done("write")

    stats["stage_seconds"] = stages.times
    summary = json.dumps(stats, sort_keys=True)
    print(f"onoma-spark: {summary}", file=sys.stderr)
    if stats["skipped_buckets"]:
        print(f"onoma-spark: skipped {stats['skipped_buckets']} LSH buckets shared by more than {options.bucket_limit} documents "
              f"(boilerplate, or shingles common in one language; {stats['skipped_bucket_members']} memberships)", file=sys.stderr)
    if stats["errors"]:
        print(f"onoma-spark: {stats['errors']} input lines are not documents or repeat an id: see {options.output}/errors", file=sys.stderr)
    if options.stats:
        with open(options.stats, "w") as file:
            file.write(summary + "\n")
    spark.stop()


if __name__ == "__main__":
    main(sys.argv[1:])
