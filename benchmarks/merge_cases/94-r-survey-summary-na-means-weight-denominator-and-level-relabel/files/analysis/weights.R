library(dplyr)

survey <- read.csv("data/survey.csv")
survey$region <- factor(survey$region)

summary_by_region <- survey %>%
  group_by(region) %>%
  summarise(
    mean_income = mean(income),
    share_employed = mean(employed == "yes"),
    n = n()
  )

weighted_income <- sum(survey$income * survey$weight) / nrow(survey)

model <- lm(income ~ age + region, data = survey)
levels(survey$region) <- c("North", "South", "East", "West")
write.csv(summary_by_region, "out/summary.csv")
