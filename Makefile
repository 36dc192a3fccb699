# Entry points. Everything needs only JDK 17 and Maven; `cp .env.example .env` to configure.
# Each target is one Maven command, written out in README.md for machines without make.

-include .env
export

MVN ?= mvn -B

.PHONY: help run test build ear fmt clean

help: ## list the targets
	@grep -E '^[a-z_-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

run: ## build what changed, then run the whole system (Ctrl-C stops it)
	$(MVN) -q -DskipTests package -pl launcher -am
	java -jar launcher/target/launcher.jar

test: ## the full test suite: unit tests, Arquillian tests on Payara Micro, the run command
	$(MVN) verify

build: ## build every artifact without running tests
	$(MVN) -DskipTests package

ear: ## the EAR for Payara Server Full: billing-ear/target/billing-ear.ear
	$(MVN) -DskipTests package -pl billing-ear -am

fmt: ## format the Java sources (the build fails on unformatted code)
	$(MVN) -q spotless:apply

clean: ## remove build output and the embedded database's data (.data/)
	$(MVN) -q clean
	rm -rf .data
