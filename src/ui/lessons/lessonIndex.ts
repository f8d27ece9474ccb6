/** The lessons the page offers (src/lessons/lessons/): the one place the UI imports the course from. */
export { LESSONS } from '../../lessons/lessons/index.ts';
