package org.cinema.etl.job;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.partition.PartitionMapper;
import jakarta.batch.api.partition.PartitionPlan;
import jakarta.batch.api.partition.PartitionPlanImpl;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Properties;
import java.util.stream.IntStream;

/**
 * Splits a step into {@code partitions} parts by id ({@link IdRange}), each run on its own thread
 * with its own reader, writer, checkpoint and watermark, so the copy uses more than one core. A
 * restart keeps the plan of the run it restarts, so every part resumes from its own checkpoint.
 */
@Named
@Dependent
public class IdRangePartitions implements PartitionMapper {

  @Inject
  @BatchProperty(name = "partitions")
  private String partitions;

  @Override
  public PartitionPlan mapPartitions() {
    int count = Integer.parseInt(partitions);
    PartitionPlan plan = new PartitionPlanImpl();
    plan.setPartitions(count);
    plan.setThreads(count);
    plan.setPartitionsOverride(false);
    plan.setPartitionProperties(
        IntStream.range(0, count)
            .mapToObj(
                index -> {
                  Properties part = new Properties();
                  part.setProperty("partition", Integer.toString(index));
                  part.setProperty("partitions", Integer.toString(count));
                  return part;
                })
            .toArray(Properties[]::new));
    return plan;
  }
}
