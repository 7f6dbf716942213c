/** How many demo records are stored beside the user's own. */
export interface DemoCounts {
  pages: number;
  writings: number;
  reactions: number;
}
