package jobs

import org.apache.spark.sql.SparkSession
import org.apache.spark.sql.functions._

object DailyRevenue {
  def main(args: Array[String]): Unit = {
    val spark = SparkSession.builder().appName("daily-revenue").getOrCreate()
    val day = args(0)

    val orders = spark.read.parquet(s"s3://lake/orders/dt=$day")
    val fx = spark.read.parquet("s3://lake/fx_rates")

    val toEur = udf((amount: Double, rate: Double) => amount * rate)

    val revenue = orders
      .join(fx, orders("currency") === fx("currency"))
      .withColumn("amount_eur", toEur(col("amount"), col("rate")))
      .groupBy("merchant_id")
      .agg(sum("amount_eur").as("revenue_eur"))

    val top = revenue.orderBy(desc("revenue_eur")).collect().take(100)
    top.foreach(r => println(s"${r.getString(0)},${r.getDouble(1)}"))

    revenue.write.mode("overwrite").parquet("s3://lake/reports/daily_revenue")
    spark.stop()
  }
}
