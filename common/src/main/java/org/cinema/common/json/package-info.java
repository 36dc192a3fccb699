/** JSON-P helpers shared by the deployables. */
package org.cinema.common.json;
