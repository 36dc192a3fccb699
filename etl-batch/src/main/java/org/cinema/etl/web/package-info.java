/** HTTP control of the ETL: start a run, restart a failed one, list recent runs. */
package org.cinema.etl.web;
