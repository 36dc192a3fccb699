# Entry points. Everything needs only JDK 17 and Maven; `cp .env.example .env` to configure.
# Each target is one Maven command, written out in README.md for machines without make.

-include .env
export

MVN ?= mvn -B

# Ports of the parts when each runs on its own Payara Micro (the original's: billing 8000,
# admin 8001; the ETL had none, 8002 here).
# ($(or ...): a blank line copied from .env.example counts as unset.)
BILLING_SERVICE_PORT := $(or $(BILLING_SERVICE_PORT),8000)
ADMIN_SERVICE_PORT := $(or $(ADMIN_SERVICE_PORT),8001)
ETL_SERVICE_PORT := $(or $(ETL_SERVICE_PORT),8002)
LAUNCHER = java -jar launcher/target/launcher.jar
# make run_cluster: the two instances' HTTP ports and their data grid (Hazelcast) ports.
CLUSTER_HTTP_PORTS := $(or $(CLUSTER_HTTP_PORTS),8080 8090)
CLUSTER_GRID_PORTS := $(or $(CLUSTER_GRID_PORTS),6900 6901)

.PHONY: help run run_ear run_cluster test run_test_service run_billing_service run_admin_panel_service \
        run_etl_service down report build ear fmt clean

help: ## list the targets
	@grep -E '^[a-z_-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-24s %s\n", $$1, $$2}'

run: ## build what changed, then run the whole system (Ctrl-C stops it)
	$(MVN) -q -DskipTests package -pl launcher -am
	$(LAUNCHER)

run_ear: ## the EAR on Payara Server Full with its console on 4848 (Ctrl-C stops it)
	$(MVN) -q -DskipTests package -pl launcher -am -Pear
	$(LAUNCHER) ear

run_cluster: ## two clustered instances of the whole system on one database, 8080 and 8090 (Ctrl-C stops both)
	$(MVN) -q -DskipTests package -pl launcher -am
	@set -- $(CLUSTER_HTTP_PORTS) $(CLUSTER_GRID_PORTS); \
	  export PAYARA_CLUSTER=true PAYARA_CLUSTER_INTERFACES=127.0.0.1 \
	    PAYARA_CLUSTER_MEMBERS=127.0.0.1:$$3,127.0.0.1:$$4; \
	  HTTP_PORT=$$1 PAYARA_CLUSTER_PORT=$$3 $(LAUNCHER) & first=$$!; \
	  HTTP_PORT=$$2 PAYARA_CLUSTER_PORT=$$4 $(LAUNCHER) & second=$$!; \
	  trap 'kill $$first $$second 2>/dev/null; wait' INT TERM; wait

test: ## the full test suite: unit tests, Arquillian tests on Payara Micro, the run command
	$(MVN) verify

run_test_service: ## the original integration scenario alone, on a fresh system and database
	$(MVN) verify -pl arquillian-tests -am -Dit.test=ScenarioIT -Dtest=NONE \
	  -Dsurefire.failIfNoSpecifiedTests=false

run_billing_service: ## billing API alone on its own Payara Micro, port 8000
	$(MVN) -q -DskipTests package -pl launcher -am
	DEPLOY=billing HTTP_PORT=$(BILLING_SERVICE_PORT) $(LAUNCHER)

run_admin_panel_service: ## admin panel alone on its own Payara Micro, port 8001
	$(MVN) -q -DskipTests package -pl launcher -am
	DEPLOY=admin HTTP_PORT=$(ADMIN_SERVICE_PORT) \
	  BILLING_API_URL=$${BILLING_API_URL:-http://localhost:$(BILLING_SERVICE_PORT)/api/} \
	  ETL_API_URL=$${ETL_API_URL:-http://localhost:$(ETL_SERVICE_PORT)/etl/api/} $(LAUNCHER)

run_etl_service: ## catalog ETL alone on its own Payara Micro, port 8002
	$(MVN) -q -DskipTests package -pl launcher -am
	DEPLOY=etl HTTP_PORT=$(ETL_SERVICE_PORT) $(LAUNCHER)

down: ## stop every system or service the run targets started (with its embedded database)
	@for file in $${DATA_DIR:-.data}/run-*.pid; do [ -f "$$file" ] || continue; \
	  echo "stopping $$file"; kill $$(cat "$$file") 2>/dev/null || rm -f "$$file"; done
	@for i in $$(seq 1 60); do ls $${DATA_DIR:-.data}/run-*.pid >/dev/null 2>&1 || exit 0; \
	  sleep 1; done; echo "still running after 60 s: see $${DATA_DIR:-.data}/run-*.pid"

report: ## HTML test reports from the last test run: arquillian-tests/target/reports/
	$(MVN) -q surefire-report:failsafe-report-only surefire-report:report-only -pl arquillian-tests
	@ls arquillian-tests/target/reports/*.html

build: ## build every artifact without running tests
	$(MVN) -DskipTests package

ear: ## the EAR for Payara Server Full: billing-ear/target/billing-ear.ear
	$(MVN) -DskipTests package -pl billing-ear -am

fmt: ## format the Java sources (the build fails on unformatted code)
	$(MVN) -q spotless:apply

clean: down ## stop what runs, remove build output and the embedded database's data (.data/)
	$(MVN) -q clean
	rm -rf .data
